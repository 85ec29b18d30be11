"""Output safety for everything people take away or see: spreadsheet cells never run, markup never executes.

One helper per context, used by every export and page:

* :func:`cel` / :func:`veilige_tabel` / :func:`csv_bytes`: a text cell that starts with ``=``, ``+``, ``-``, ``@``,
  tab or carriage return gets a leading apostrophe (OWASP, "CSV Injection"), so Excel, LibreOffice and Google
  Sheets show it as text instead of evaluating it. Numbers stay numbers (a negative number is no formula).
  :func:`csv_bytes` writes CSV as Excel with Dutch settings reads it (``;``, decimal comma, UTF-8 with BOM) and
  also neutralises a formula character after a ``,`` ``;`` tab or line break inside a text cell, so the file is
  safe however a program splits it (at ``;`` as Dutch Excel does, or at ``,``).
* :func:`xlsx_tekstcellen`: every text cell of an openpyxl sheet is typed as a string (``data_type = "s"``), so
  no cell of ours is ever a formula, whatever it holds.
* :func:`html_tekst`: a string for an HTML context that may itself sit in a JavaScript template literal (folium
  binds tooltips and popups as `` `...` `` literals): ``& < > " '`` become entities, and so do `` ` ``, ``$``,
  ``{`` and ``}``. Not for pydeck tooltips: they are text (:func:`dashboard.kaart.maps.tekst_tooltip`), their values
  stay as typed.
* :func:`md_tekst`: a string shown literally inside Streamlit markdown (``st.markdown``, ``st.write``, captions,
  alerts, subheaders, button labels, ``st.table`` cells): every markdown character is backslash-escaped, including
  ``.`` and ``@`` (so ``www.x.nl`` and ``a@b.nl`` do not become links); line breaks become spaces and a leading
  ``-``, ``+`` or ``=`` is escaped (so a value cannot start a heading or a list of its own).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable

import pandas as pd

from geo.formaten import HERKOMST_KOLOM
from geo.herkomst import Bron, bronnen_tekst

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
# a formula character right after a separator or line break inside a cell (a reader splitting elsewhere sees a cell)
_NA_SCHEIDING = re.compile(r"((?:^|[;,\t\r\n])[ \t\"]*)(?=[=+\-@])")
_MD_TEKENS = frozenset("\\`*_{}[]()#.!<>|~:$@&\"'^%")
_MD_BEGIN = frozenset("-+=")  # a list marker or heading underline only at the start of a (single) line
_JS_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;", "\\": "&#92;"})


def cel(waarde: object) -> object:
    """A cell value that no spreadsheet program evaluates: text starting with a formula character is prefixed."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def veilige_tabel(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell (and column name) passed through :func:`cel`; numbers untouched."""
    out = frame.copy()
    out.columns = [cel(str(c)) for c in out.columns]
    for kolom in out.columns:
        if out[kolom].dtype == object or pd.api.types.is_string_dtype(out[kolom]):
            out[kolom] = out[kolom].map(cel)
    return out


def _csv_cel(waarde: object) -> object:
    waarde = cel(waarde)
    return _NA_SCHEIDING.sub(r"\1'", waarde) if isinstance(waarde, str) else waarde


def csv_bytes(frame: pd.DataFrame, bron: Bron | tuple[Bron, ...], **kwargs) -> bytes:
    """A CSV download of ``frame`` as Dutch Excel opens it: ``;`` between cells, decimal comma, UTF-8 with BOM.

    ``bron`` (required) says where the numbers come from: it is written in a last column ``Bron`` on every row
    (dataset, years, publisher; "demo, fictitief" for demo data), so the file stays one plain table that opens in
    Excel and loads back (the importers ignore that column, :data:`geo.formaten.HERKOMST_KOLOM`). A frame with a
    column of that name already is refused: rename it first.

    Every text cell (and column name) is neutralised at its start and after every separator or line break inside
    it, so no cell starts with a formula character whether the file is split at ``;`` or at ``,``.
    ``kwargs`` go to ``to_csv``."""
    tekst = bronnen_tekst(bron)
    if not tekst:
        raise ValueError("een download zonder bron")
    if any(str(c).strip().lower() == HERKOMST_KOLOM.lower() for c in frame.columns):
        raise ValueError(f"de tabel heeft al een kolom {HERKOMST_KOLOM!r}")
    out = frame.assign(**{HERKOMST_KOLOM: tekst})
    out.columns = [_csv_cel(str(c)) for c in out.columns]
    for kolom in out.columns:
        if out[kolom].dtype == object or pd.api.types.is_string_dtype(out[kolom]):
            out[kolom] = out[kolom].map(_csv_cel)
    opties = {"sep": ";", "decimal": ",", "index": False} | kwargs
    return out.to_csv(**opties).encode("utf-8-sig")


def xlsx_tekstcellen(rijen: Iterable) -> None:
    """Type every text cell of openpyxl rows as a plain string (never a formula), neutralising formula characters."""
    for rij in rijen:
        for c in rij:
            if isinstance(c.value, str):
                c.value = cel(c.value)
                c.data_type = "s"


def html_tekst(waarde: object) -> str:
    """``waarde`` as text for HTML that may sit inside a JS template literal (folium tooltips and popups)."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    return html.escape(str(waarde), quote=True).translate(_JS_EXTRA)


def md_tekst(waarde: object) -> str:
    """``waarde`` as literal text inside Streamlit markdown: no link, image, HTML or formatting, one line."""
    tekst = " ".join(str(waarde).split())
    veilig = "".join("\\" + ch if ch in _MD_TEKENS else ch for ch in tekst)
    return "\\" + veilig if veilig[:1] in _MD_BEGIN else veilig
