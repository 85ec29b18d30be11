"""``python -m ops.cli``: the same as the ``hkd`` command."""

import sys

from ops.cli import main

sys.exit(main())
