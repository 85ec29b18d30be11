"""Every download of non-public data goes through ``dashboard.widgets.downloads.knop`` (made on the click, swept soon after:
docs/sessies.md); a static ``download_button`` is allowed only where the file is public. A new one fails here."""

from __future__ import annotations

import re

from core.settings import PROJECT_ROOT

# file -> number of static download buttons it may have, and why they are public
STATISCH = {
    "dashboard/pages/openbare_kaart.py": 3,  # the public layer's own tables and embeddable map
    "dashboard/pages/locatieregister.py": 2,  # example files without data
    "dashboard/widgets/downloads.py": 1,  # the one place that makes the others
}


def _statisch(tekst: str) -> int:
    return len(re.findall(r"\.download_button\(", tekst))


def test_no_static_download_of_non_public_data():
    gevonden = {}
    for pad in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        n = _statisch(pad.read_text(encoding="utf-8"))
        if n:
            gevonden[str(pad.relative_to(PROJECT_ROOT))] = n
    assert gevonden == STATISCH
    # positive control: the detector sees a static button in any spelling the pages use
    assert _statisch('st.download_button("x", b"", "x.csv")\nkolom.download_button(label, data)') == 2
