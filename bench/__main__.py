"""``python -m bench``: speed and size per page and role at demo and national scale (a development tool).

The benchmark and the load tools live outside the product: they are not in the wheel and not in the ``hkd``
command; run them from a checkout (``scripts/bench`` or ``.venv/bin/python -m bench``).
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings


def _quiet_streamlit() -> None:
    """AppTest runs pages without a Streamlit server: silence the "bare mode" and "no runtime" warnings."""
    warnings.filterwarnings("ignore")
    for name in ("streamlit", "streamlit.runtime", "streamlit.runtime.caching", "streamlit.runtime.scriptrunner_utils"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from streamlit import logger as st_logger

        st_logger.set_log_level("error")
    except Exception:  # an older Streamlit without the helper: the logger levels above suffice
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", choices=["demo", "nationaal", "beide"], default="beide")
    parser.add_argument("--zonder-browser", action="store_true", help="alleen server-side meten")
    args = parser.parse_args(argv)
    _quiet_streamlit()
    from bench.run import main as run

    scales = ["demo", "nationaal"] if args.schaal == "beide" else [args.schaal]
    return run(scales, with_browser=not args.zonder_browser)


if __name__ == "__main__":
    sys.exit(main())
