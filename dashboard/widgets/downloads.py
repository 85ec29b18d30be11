"""Downloads of non-public data that do not outlive their click.

Streamlit serves a download at ``/media/<id>`` to anyone who has the address, without a session or cookie, for as
long as a browser session shows the button (a static ``st.download_button`` puts the file there when the page is
drawn). Streamlit cannot bind that address to a session. So a download of address- or location-level data goes
through :func:`knop`: the file is made only when the person clicks (Streamlit's deferred download), and the media
store is swept :data:`LEVENSDUUR_SECONDEN` after the click (the first sweep marks a file nobody shows, the second
removes it), so its address answers 404 within two sweeps, whatever the tab does. Public downloads (the Openbare
kaart) may stay static.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

LEVENSDUUR_SECONDEN = 20.0


def _veeg() -> None:
    from streamlit import runtime

    if runtime.exists():
        runtime.get_instance().media_file_mgr.remove_orphaned_files()


def _veeg_straks() -> None:
    for n in (1, 2):
        timer = threading.Timer(LEVENSDUUR_SECONDEN * n, _veeg)
        timer.daemon = True
        timer.start()


def knop(label: str, data: bytes | str | Callable[[], bytes | str], file_name: str, mime: str, *,
         plek: Any = None, **kwargs: Any) -> bool:
    """``st.download_button`` whose file exists only from the click until at most two sweeps later."""
    maak = data if callable(data) else (lambda: data)

    def bij_klik() -> bytes | str:
        inhoud = maak()
        _veeg_straks()
        return inhoud

    kwargs.setdefault("on_click", "ignore")
    return (plek or st).download_button(label, bij_klik, file_name, mime, **kwargs)
