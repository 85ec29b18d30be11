"""What a map search box was asked: a postcode (PC4, PC6 with or without house number) or a name/code.

Pure: the dashboard sends the parsed query to the local search (areas, and locations for the roles that may see
them) or to the PDOK Locatieserver when configured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTE = 80
_PC6 = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})(?:\s*[- ,]?\s*([0-9]{1,5})\s*([A-Za-z0-9\- ]{0,6}))?$")
_PC4 = re.compile(r"^([1-9][0-9]{3})$")


@dataclass(frozen=True)
class Zoekvraag:
    """A parsed search: ``soort`` is ``pc6``, ``pc4`` or ``tekst``; ``pc4`` is set for every postcode."""

    soort: str
    tekst: str
    pc4: str | None = None
    pc6: str | None = None
    huisnummer: str | None = None

    @property
    def _escaped(self) -> str:
        return self.tekst.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

    @property
    def patroon(self) -> str:
        """An ILIKE pattern for names containing the text (``%`` and ``_`` taken literally)."""
        return f"%{self._escaped}%"

    @property
    def begin_patroon(self) -> str:
        """An ILIKE pattern for names starting with the text (ranked first)."""
        return f"{self._escaped}%"


def lees(vraag: str) -> Zoekvraag | None:
    """Parse what was typed; ``None`` for nothing useful (empty, too short, or control characters only)."""
    tekst = " ".join("".join(ch for ch in (vraag or "") if ch.isprintable()).split())[:MAX_LENGTE]
    if len(tekst) < 2:
        return None
    if m := _PC6.match(tekst):
        pc6 = f"{m.group(1)}{m.group(2).upper()}"
        nummer = (m.group(3) or "") + (m.group(4) or "").strip().upper()
        return Zoekvraag("pc6", tekst, pc4=m.group(1), pc6=pc6, huisnummer=nummer or None)
    if m := _PC4.match(tekst):
        return Zoekvraag("pc4", tekst, pc4=m.group(1))
    return Zoekvraag("tekst", tekst)
