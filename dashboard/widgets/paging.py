"""Long tables a page at a time: one page chooser for every table (the download always holds every row)."""

from __future__ import annotations

import streamlit as st


def pagina(aantal: int, per_pagina: int, nummer: int) -> tuple[int, int]:
    """0-based ``[start, stop)`` of page ``nummer`` (1-based, clamped) of ``aantal`` rows (pure)."""
    paginas = max(1, -(-aantal // per_pagina))
    nummer = max(1, min(nummer, paginas))
    return (nummer - 1) * per_pagina, min(aantal, nummer * per_pagina)


def kies_pagina(aantal: int, per_pagina: int, key: str, wat: str = "regels") -> tuple[int, int]:
    """``[start, stop)`` of the page the user picks; no chooser when everything fits on one page."""
    if aantal <= per_pagina:
        return 0, aantal
    paginas = -(-aantal // per_pagina)
    nummer = st.number_input(f"Pagina (van {paginas})", min_value=1, max_value=paginas, value=1, step=1, key=key)
    start, stop = pagina(aantal, per_pagina, int(nummer))
    st.caption(f"{wat.capitalize()} {start + 1} tot en met {stop} van {aantal} ({per_pagina} per pagina); "
               f"de download bevat alle {aantal} {wat}.")
    return start, stop
