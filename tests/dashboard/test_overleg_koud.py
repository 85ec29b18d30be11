"""Overleg cold: opening the page does not pay for the document libraries (fpdf, openpyxl); they are imported when a
document is made (the documents themselves: tests/data/test_exports.py, tests/reports/test_veilig.py)."""

import subprocess
import sys

from core.settings import PROJECT_ROOT


def test_the_overleg_room_loads_without_fpdf_or_openpyxl():
    # A fresh interpreter: in this one another test may have imported them already.
    script = ("import sys, dashboard.overleg.view\n"
              "print(sorted(m for m in ('fpdf', 'openpyxl') if m in sys.modules))")
    uit = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert uit.stdout.strip().splitlines()[-1] == "[]", uit.stdout
