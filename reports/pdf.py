"""The one PDF base of HKD Kaart: fonts found in one way, text the font can print, a footer per document.

DejaVu Sans (Debian package ``fonts-dejavu-core``, installed by ``scripts/setup``) draws every character the
Dutch texts use (ë, é, →, ●); without it the PDF falls back to a core font and replaces what latin-1 cannot hold,
so a document is always produced.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/usr/share/fonts/dejavu"),
)


def dejavu_files() -> tuple[Path, Path] | None:
    """``(regular, bold)`` DejaVu Sans files when installed, else ``None``."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


class HkdPdf(FPDF):
    """An A4 document with DejaVu Sans when installed; :meth:`t` makes any text printable in the font in use."""

    def __init__(self, orientation: str = "P", voettekst: str = "") -> None:
        super().__init__(orientation=orientation, format="A4")
        fonts = dejavu_files()
        self.unicode = fonts is not None
        if fonts:
            self.add_font("dejavu", "", str(fonts[0]))
            self.add_font("dejavu", "B", str(fonts[1]))
        self.family = "dejavu" if self.unicode else "helvetica"
        self.voettekst = voettekst
        self.set_auto_page_break(True, margin=15)

    def t(self, text: str) -> str:
        """Text the font can print (core fonts hold latin-1 only: replace the rest, never fail)."""
        if self.unicode:
            return text
        return text.replace("→", "->").encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        """Switch to the document font at ``size`` points."""
        self.set_font(self.family, "B" if bold else "", size)

    def para(self, text: str, size: float = 10, bold: bool = False, h: float = 5) -> None:
        """A paragraph across the page."""
        self.font(size, bold)
        self.multi_cell(0, h, self.t(text), new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        if not self.voettekst:
            return
        self.set_y(-12)
        self.font(8)
        self.cell(0, 5, self.t(f"{self.voettekst} Pagina {self.page_no()}"), align="C")
