"""The page list with the roles each page is meant for, and the sidebar links drawn from it.

Every page stays routable (a deep link to a closed page explains how to sign in), but the sidebar shows only the
pages of the user's role. The links are drawn with ``st.page_link`` under plain section labels: Streamlit's own
sectioned sidebar puts ``<div>``/``<header>`` directly inside its ``<ul>``, which screen readers and axe reject.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from core import rollen

PAGES_DIR = Path(__file__).resolve().parent / "pages"
ALLE = rollen.CODES


@dataclass(frozen=True)
class PageSpec:
    """One page: file, title, Material icon, the roles whose sidebar shows it."""

    bestand: str
    titel: str
    icoon: str
    rollen: tuple[str, ...]
    url_path: str | None = None


SECTIONS: dict[str, tuple[PageSpec, ...]] = {
    "Kaarten": (
        PageSpec("openbare_kaart.py", "Openbare kaart", "map", ALLE),
        PageSpec("aanbiederskaart.py", "Aanbiederskaart", "home_work", ("aanbieder", "hkd")),
    ),
    "Sturingsoverleg": (
        PageSpec("escalatieladder.py", "Escalatieladder", "stairs", ("hkd",)),
        PageSpec("overleg.py", "Overleg", "groups", ("hkd",)),
        PageSpec("draagkrachtscan.py", "Draagkrachtscan", "balance", ("hkd",)),
        PageSpec("initiatieven.py", "Initiatieven", "add_home_work", ("aanbieder", "hkd")),
        PageSpec("meldingen.py", "Meldingen", "campaign", ("aanbieder", "hkd")),
    ),
    "Analyse": (
        PageSpec("wijktrends.py", "Wijktrends", "trending_up", ALLE),
        PageSpec("platform.py", "Platform", "monitoring", ("aanbieder", "hkd")),
    ),
    "Beheer": (
        PageSpec("beheer.py", "Beheer", "settings", ("hkd",)),
        PageSpec("locatieregister.py", "Locatieregister", "upload_file", ("hkd",)),
    ),
    "Account": (PageSpec("inloggen.py", "Inloggen", "login", ("publiek",), url_path="inloggen"),),
}


def build_pages() -> dict[str, list[st.Page]]:
    """``st.Page`` objects per section, in the order of :data:`SECTIONS` (the first page is the default)."""
    first = True
    out: dict[str, list[st.Page]] = {}
    for section, specs in SECTIONS.items():
        out[section] = []
        for spec in specs:
            kwargs = {"url_path": spec.url_path} if spec.url_path else {}
            out[section].append(
                st.Page(PAGES_DIR / spec.bestand, title=spec.titel, icon=f":material/{spec.icoon}:", default=first,
                        **kwargs)
            )
            first = False
    return out


def sidebar_links(pages: dict[str, list[st.Page]], rol: str) -> None:
    """Draw the links of the pages meant for ``rol``, grouped under their section labels."""
    with st.sidebar:
        for section, specs in SECTIONS.items():
            visible = [page for spec, page in zip(specs, pages[section], strict=True) if rol in spec.rollen]
            if not visible:
                continue
            st.markdown(f"**{section}**")
            for page in visible:
                st.page_link(page)
