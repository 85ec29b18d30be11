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
        logging.getLogger(name).setLevel(logging.CRITICAL)  # a page's exception is in the table, not a traceback
    try:
        from streamlit import logger as st_logger

        st_logger.set_log_level("critical")
    except Exception:  # an older Streamlit without the helper: the logger levels above suffice
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", choices=["demo", "nationaal", "beide"], default="beide")
    parser.add_argument("--zonder-browser", action="store_true", help="alleen server-side meten")
    parser.add_argument("--alleen-publicatie", action="store_true",
                        help="alleen de gepubliceerde site meten (tekenen, bytes, lezers, tijd tot live)")
    parser.add_argument("--lezers", type=int, default=1000, help="gelijktijdige lezers tegen nginx")
    parser.add_argument("--rondes", type=int, default=31,
                        help="rondes van site en referentie naast elkaar (mediaan van de verhouding per ronde)")
    parser.add_argument("--seconden", type=float, default=60, help="duur van de belasting (0: overslaan)")
    parser.add_argument("--paginas", default="",
                        help="alleen deze pagina's server-side meten, komma-gescheiden (bijv. platform,wijktrends)")
    args = parser.parse_args(argv)
    _quiet_streamlit()
    from bench.run import main as run

    scales = ["demo", "nationaal"] if args.schaal == "beide" else [args.schaal]
    if args.alleen_publicatie:
        from bench.run import main_publicatie

        return main_publicatie(scales, args.lezers, args.seconden, args.rondes)
    paginas = tuple(p.strip() for p in args.paginas.split(",") if p.strip())
    return run(scales, with_browser=not args.zonder_browser, readers=args.lezers, seconds=args.seconden,
               paginas=paginas, rondes=args.rondes)


if __name__ == "__main__":
    sys.exit(main())
