"""Server-side figures per page and role: cold and warm rerun time, SQL time inside them, bytes of the elements."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from sqlalchemy import event
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from dashboard.toegang.auth import User

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
# (page, role[, session state]) journeys: each page with the role its audience has (and a tab opened).
JOURNEYS = (
    ("openbare_kaart", "publiek"),
    ("aanbiederskaart", "aanbieder"),
    ("escalatieladder", "hkd"),
    ("overleg", "hkd"),
    ("initiatieven", "hkd"),
    ("initiatieven", "aanbieder"),
    ("draagkrachtscan", "hkd"),
    ("wijktrends", "publiek"),
    ("wijktrends", "hkd"),
    ("meldingen", "hkd"),
    ("beheer", "hkd"),
    ("platform", "hkd"),
    ("platform", "aanbieder"),
    ("platform", "hkd", {"platform_tab": "Spreiding"}),  # the map of every gebied (only the open tab runs)
)


@dataclass
class SqlClock:
    """Sums the time spent in SQL statements on every engine of this process."""

    seconds: float = 0.0
    statements: int = 0

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, params, context, executemany):
        conn.info.setdefault("hkd_bench_t0", []).append(time.perf_counter())

    def _after(self, conn, cursor, statement, params, context, executemany):
        self.seconds += time.perf_counter() - conn.info["hkd_bench_t0"].pop()
        self.statements += 1

    def reset(self) -> None:
        self.seconds, self.statements = 0.0, 0


@dataclass(frozen=True)
class ServerFigures:
    """One page and role at one scale."""

    page: str
    rol: str
    cold_s: float
    warm_s: float
    sql_cold_s: float
    sql_warm_s: float
    statements_warm: int
    element_bytes: int
    error: str = ""


def _element_bytes(node) -> int:
    total = 0
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ByteSize"):
        total += proto.ByteSize()
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            total += _element_bytes(child)
    return total


def _user(rol: str, aanbieder: str) -> User | None:
    if rol == "publiek":
        return None
    if rol == "aanbieder":
        return User(naam="bench-aanbieder", rol="aanbieder", aanbieder_code=aanbieder)
    return User(naam="bench-hkd", rol="hkd")


def measure(url: str, aanbieder: str, pages: tuple[tuple, ...] = JOURNEYS) -> list[ServerFigures]:
    """Open every (page, role) twice in AppTest against ``url``: cold (empty caches) and warm (a rerun)."""
    os.environ["DATABASE_URL"] = url
    clock = SqlClock()
    clock.install()
    out = []
    for page, rol, *staat in pages:
        if not (APP.parent / "pages" / f"{page}.py").exists():
            continue
        staat = staat[0] if staat else {}
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=120)
        user = _user(rol, aanbieder)
        if user:
            at.session_state["hkd_user"] = user
        for key, value in staat.items():
            at.session_state[key] = value
        at.run()  # the entry script and the default page: imports, engine, migrations
        st.cache_data.clear()  # cold means: no cached query results
        clock.reset()
        t0 = time.perf_counter()
        at.switch_page(f"pages/{page}.py").run()
        cold, sql_cold = time.perf_counter() - t0, clock.seconds
        clock.reset()
        t0 = time.perf_counter()
        at.run()
        warm, sql_warm, n_warm = time.perf_counter() - t0, clock.seconds, clock.statements
        error = str(at.exception[0].message)[:60] if at.exception else ""
        naam = page + "".join(f" ({v})" for v in staat.values())
        out.append(ServerFigures(naam, rol, cold, warm, sql_cold, sql_warm, n_warm, _element_bytes(at._tree), error))
    return out
