"""Read every piece of text a page shows a person (AppTest tree) and find what is not Dutch or is an internal.

:func:`teksten` walks an ``AppTest`` result and yields ``(where, text)`` for headings, markdown, captions, alerts,
metrics, widget labels, help, placeholders and options, expander and tab labels, table headers and cells (as the
grid shows them: a missing value is drawn as ``None``), and plotly titles, axis titles, legend names and date axes.
:func:`lekken` says which of them leak: English UI words, ``None``/``nan``/``NaT``, snake_case headers, indicator
codes as names, UTC offsets, ISO dates, and a wrong plural. Pure apart from reading the tree, so the rules are tested
on their own (``test_nederlands.py``) before they judge the pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator

import pandas as pd
from google.protobuf.json_format import MessageToDict

# Streamlit's and pandas' own words that reach the screen when a page forgets to say something in Dutch.
ENGELS = ("Choose options", "Choose an option", "No options to select", "No results", "No data", "Press Enter",
          "empty", "Select all", "Loading", "Untitled", "undefined", "Download data", "Search")
LEEG = re.compile(r"(?<![\w-])(None|nan|NaN|NaT|null|<NA>)(?![\w-])")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
UTC_OFFSET = re.compile(r"\d(T| )\d{2}:\d{2}(:\d{2}(\.\d+)?)?(\+00:00|Z)\b|\+00:00")
ISO_DATUM = re.compile(r"(?<![\d-])(19|20)\d{2}-[01]\d-[0-3]\d(?![\d-])")
# "1 voorzieningen", "1 locaties", "4 probleem/problemen": a count with the wrong or an undecided form.
EEN_MEERVOUD = re.compile(r"(?<![\d.,])1 (voorzieningen|locaties|meldingen|plaatsen|gebieden|acties|besluiten|"
                          r"agendapunten|buurten|wijken|initiatieven|problemen|dagen|weken|maanden|jaren|rijen)\b")
SLASH_MEERVOUD = re.compile(r"\b(\w+)\((s|en)\)|\b(\w+)/(\w+en)\b")
# Plotly's own date ticks ("May 31, 2023", "23:59:59.9995"): a date axis needs a tick format of its own.
PLOTLY_DATUM_AS = "date"

Bevinding = tuple[str, str]


def _nodes(node) -> Iterator:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _strings(value, keys: frozenset[str], path: str = "") -> Iterator[tuple[str, str]]:
    """Every string under one of ``keys`` in a nested dict/list (a proto as dict)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in keys and isinstance(v, str):
                yield k, v
            elif k in keys and isinstance(v, list) and all(isinstance(x, str) for x in v):
                for x in v:
                    yield k, x
            else:
                yield from _strings(v, keys, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, keys, path)


PROTO_TEKST = frozenset({"label", "placeholder", "help", "body", "options", "caption", "title", "text",
                         "formattedValue", "delta", "displayValue"})


def _tabel(el, waar: str) -> Iterator[Bevinding]:
    frame: pd.DataFrame = el.value
    config = {}
    raw = getattr(el.proto, "columns", "")
    if raw:
        config = json.loads(raw)
    verborgen = set()
    for kol in frame.columns:
        c = config.get(str(kol), {})
        if c.get("hidden"):
            verborgen.add(kol)
            continue
        kop = c.get("label") or str(kol)
        yield f"{waar}: kolomkop", kop
    if frame.empty and not frame.columns.empty:
        yield f"{waar}: lege tabel", "empty"
    for kol in frame.columns:
        if kol in verborgen:
            continue
        c = config.get(str(kol), {})
        fmt = (c.get("type_config") or {}).get("format")
        reeks = frame[kol]
        if reeks.isna().any() and not getattr(el.proto, "placeholder", ""):
            yield f"{waar}: cel in {kol}", "None"  # the grid's own text for a missing value
        niet_leeg = reeks.dropna()
        if niet_leeg.empty:
            continue
        if pd.api.types.is_datetime64_any_dtype(reeks) or isinstance(niet_leeg.iloc[0], dt.date | dt.datetime):
            if not fmt:
                yield f"{waar}: datumkolom {kol} zonder format", str(niet_leeg.iloc[0])
            continue
        if reeks.dtype == object:
            for v in niet_leeg.astype(str).unique()[:2000]:
                yield f"{waar}: cel in {kol}", v


def _plotly(el, waar: str) -> Iterator[Bevinding]:
    spec = getattr(el.proto, "spec", "")
    if not spec:
        return
    fig = json.loads(spec)
    layout = fig.get("layout", {})
    for k, v in layout.items():
        if not isinstance(v, dict):
            continue
        titel = v.get("title")
        tekst = titel.get("text") if isinstance(titel, dict) else titel
        if isinstance(tekst, str):
            yield f"{waar}: {k} titel", tekst
        if k.startswith(("xaxis", "yaxis")) and v.get("type") == PLOTLY_DATUM_AS and not v.get("tickformat"):
            yield f"{waar}: {k} datum-as zonder tickformat", "May 31, 2023"
    for trace in fig.get("data", []):
        if trace.get("name") and trace.get("showlegend", True) is not False:
            yield f"{waar}: legenda", str(trace["name"])
        for ax in ("x", "y"):
            waarden = trace.get(ax) or []
            if isinstance(waarden, list) and waarden and isinstance(waarden[0], str) and ISO_DATUM.match(waarden[0]):
                as_naam = (trace.get(f"{ax}axis") or ax).replace(ax, f"{ax}axis", 1)
                if not (layout.get(as_naam) or {}).get("tickformat") and (layout.get(as_naam) or {}).get("type") != "category":
                    yield f"{waar}: {as_naam} datums zonder tickformat", waarden[0]


def teksten(at) -> Iterator[Bevinding]:
    """``(where, text)`` for every text the page shows (see the module docstring)."""
    for node in _nodes(at._tree):
        soort = type(node).__name__
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        label = getattr(proto, "label", "")
        waar = f"{soort} {label!r}" if label and soort not in ("Dataframe", "Table") else soort
        if soort == "Dataframe" or (soort == "Table"):
            yield from _tabel(node, waar)
            continue
        if getattr(node, "type", "") == "plotly_chart":
            yield from _plotly(node, "grafiek")
            continue
        if getattr(node, "type", "") in ("deck_gl_json_chart", "arrow_vega_lite_chart", "map"):
            continue  # maps are checked in the browser (tests/e2e), their tooltips by test_kaart_tooltips
        if soort in ("Multiselect", "Selectbox"):
            # An empty placeholder is filled in by Streamlit's frontend, in English.
            # a selectbox shows its placeholder only without a chosen index (a None option with a label is a choice)
            leeg_gekozen = soort == "Multiselect" or (not proto.HasField("default") and node.value is None)
            if not proto.placeholder and leeg_gekozen:
                yield f"{waar}.placeholder", "Choose options"
            if not list(proto.options):
                yield f"{waar}.options", "No options to select"
        d = MessageToDict(proto)
        for sleutel, tekst in _strings(d, PROTO_TEKST):
            yield f"{waar}.{sleutel}", tekst


def _indicator_code(tekst: str, codes: frozenset[str]) -> bool:
    return tekst.strip() in codes


def lekken(bevindingen: Iterable[Bevinding], codes: Iterable[str] = ()) -> list[str]:
    """Every text that leaks, as ``"where: text"`` (empty when the page is clean)."""
    codes = frozenset(codes)
    uit: list[str] = []
    for waar, tekst in bevindingen:
        reden = _reden(waar, tekst, codes)
        if reden:
            uit.append(f"{reden} | {waar}: {tekst[:120]!r}")
    return sorted(set(uit))


def _reden(waar: str, tekst: str, codes: frozenset[str]) -> str | None:
    if "zonder format" in waar or "zonder tickformat" in waar:
        return "datum niet als DD-MM-JJJJ"
    if "lege tabel" in waar:
        return "lege tabel (Streamlit toont 'empty')"
    for woord in ENGELS:
        if re.search(rf"(?<![\w-]){re.escape(woord)}(?![\w-])", tekst):
            return f"Engels ({woord})"
    if LEEG.search(tekst):
        return "lege waarde als tekst"
    if "kolomkop" in waar and SNAKE.match(tekst):
        return "kolomnaam als kop"
    if _indicator_code(tekst, codes) or ("kop" in waar and SNAKE.match(tekst)) or (
            ("titel" in waar or "legenda" in waar or ".options" in waar or ".label" in waar) and SNAKE.match(tekst)):
        return "code als naam"
    if UTC_OFFSET.search(tekst):
        return "tijd in UTC"
    if ISO_DATUM.search(tekst) and "Code" not in waar:
        return "datum als JJJJ-MM-DD"
    if EEN_MEERVOUD.search(tekst) or SLASH_MEERVOUD.search(tekst):
        return "enkelvoud/meervoud"
    return None
