"""File formats as declarations: typed columns and a natural key per format (pure data, no I/O).

Every tabular importer declares its format here once; the engine in :mod:`data.importeur` reads, parses, checks
and reports for all of them, and ``docs/importeren.md`` shows the same tables (a test keeps them equal). A column
has a type:

``code``
    text matching a pattern (a location code, an area code);
``aantal``
    a whole number; ``2.000`` and ``2 000`` are 2000, ``2,5`` is refused;
``ratio``
    a number with a decimal comma or dot; ``3.455`` with no other evidence in its column is refused as ambiguous;
``geld``
    an amount in euros, like a ratio (``1.234,50``), at most two decimals;
``datum`` / ``tijdstip``
    a day (``2024-05-01``, ``1-5-2024``, ``01/05/2024``) or a moment (with ``14:30``), day first; an Excel date
    cell or serial number where the column allows it;
``keuze``
    one of a list of values, by code or by label, any case;
``tekst``
    free text up to ``max_tekens``; with ``vrij=True`` it is searched for personal data.
"""

from __future__ import annotations

from dataclasses import dataclass

CODE = "code"
AANTAL = "aantal"
RATIO = "ratio"
GELD = "geld"
DATUM = "datum"
TIJDSTIP = "tijdstip"
KEUZE = "keuze"
TEKST = "tekst"
SOORTEN = (CODE, AANTAL, RATIO, GELD, DATUM, TIJDSTIP, KEUZE, TEKST)


@dataclass(frozen=True)
class Kolom:
    """One column of a file format.

    ``keuzes`` maps every accepted spelling (lower-case code or label) to the stored code; a ``keuze`` column
    without it gets its choices from the database at validation time (``bron_keuzes`` names which). ``bereik`` is
    inclusive (``bereik_uitleg`` follows its message); a number ambiguous the Dutch way (``51.923``) is read the
    one way that lies in it. A required column must be in the header and refuses an empty cell. A ``geheim``
    number column reads a CBS secrecy or missing code as no value, counted (else such a code is refused).
    """

    naam: str
    soort: str
    uitleg: str = ""
    aliassen: tuple[str, ...] = ()
    verplicht: bool = True
    sleutel: bool = False
    bereik: tuple[float | None, float | None] | None = None
    max_tekens: int = 200
    patroon: str | None = None
    keuzes: dict[str, str] | None = None
    bron_keuzes: str | None = None
    vrij: bool = False
    excel_serieel: bool = True
    bereik_uitleg: str = ""
    geheim: bool = False  # a number column where a CBS secrecy or missing code (x, ., -99997, ...) is skipped

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"unknown column type {self.soort!r}")

    @property
    def namen(self) -> tuple[str, ...]:
        """The header names that mean this column (lower-case)."""
        return (self.naam, *self.aliassen)


@dataclass(frozen=True)
class Formaat:
    """A file format: its columns, the columns of its natural key, and a row limit."""

    naam: str
    titel: str
    kolommen: tuple[Kolom, ...]
    max_regels: int = 100_000
    sleutel_uitleg: str = ""

    @property
    def sleutel(self) -> tuple[str, ...]:
        """The natural key: rows with the same values here are the same row (within a file and across loads)."""
        return tuple(k.naam for k in self.kolommen if k.sleutel)

    @property
    def sleutel_uitleg_zin(self) -> str:
        """The natural key in one line for the documentation."""
        return (f"Natural key: {', '.join(f'`{n}`' for n in self.sleutel)} ({self.sleutel_uitleg}); at most "
                f"{self.max_regels:,} rows.")

    @property
    def verplicht(self) -> tuple[tuple[str, ...], ...]:
        """The required columns, each with its aliases (for the header search)."""
        return tuple(k.namen for k in self.kolommen if k.verplicht)

    @property
    def verplichte_namen(self) -> tuple[str, ...]:
        """The names of the required columns, in the file's order (as a page lists them)."""
        return tuple(k.naam for k in self.kolommen if k.verplicht)

    @property
    def optionele_namen(self) -> tuple[str, ...]:
        """The names of the optional columns, in the file's order."""
        return tuple(k.naam for k in self.kolommen if not k.verplicht)

    def kolom(self, kop: str) -> Kolom | None:
        """The column a header name means, by name or alias (case and outer spaces ignored)."""
        kop = " ".join(kop.strip().lower().split())
        for k in self.kolommen:
            if kop in k.namen:
                return k
        return None


def keuzes_van(labels: dict[str, str]) -> dict[str, str]:
    """Every spelling of a vocabulary (code or label, any case) to its code."""
    return {**{v.lower(): k for k, v in labels.items()}, **{k.lower(): k for k in labels}}


JA_NEE = {"ja": "ja", "j": "ja", "yes": "ja", "1": "ja", "true": "ja", "waar": "ja",
          "nee": "nee", "n": "nee", "no": "nee", "0": "nee", "false": "nee", "onwaar": "nee"}
KWARTAAL = {"1": "1", "2": "2", "3": "3", "4": "4", "q1": "1", "q2": "2", "q3": "3", "q4": "4", "k1": "1",
            "k2": "2", "k3": "3", "k4": "4"}
JAAR_BEREIK = (1990.0, 2100.0)
