"""Typed settings, read once from the environment (and Streamlit secrets where the dashboard passes them)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} moet een geheel getal zijn, niet {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Everything HKD Kaart reads from its environment.

    Attributes
    ----------
    database_url
        An explicit PostGIS URL (``DATABASE_URL``). ``None`` means: use the project-local server.
    state_dir
        Git-ignored folder for the project-local server, caches and test output (``HKD_STATE_DIR``).
    local_port
        Port of the project-local PostgreSQL server (``HKD_PG_PORT``).
    boundary_source
        Folder, file or URL with real CBS boundaries (``HKD_BOUNDARY_SOURCE``); by default ``../shared/data``
        when present, otherwise the schematic geography built from the committed facts tables.
    geocoder_url
        Base URL of a PDOK-Locatieserver-compatible geocoder (``HKD_GEOCODER_URL``); empty means offline.
    """

    database_url: str | None = field(default_factory=lambda: os.environ.get("DATABASE_URL") or None)
    state_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("HKD_STATE_DIR", PROJECT_ROOT / ".hkd")).resolve()
    )
    local_port: int = field(default_factory=lambda: _int("HKD_PG_PORT", 54329))
    local_dbname: str = field(default_factory=lambda: os.environ.get("HKD_PG_DB", "hkd"))
    boundary_source: str | None = field(
        default_factory=lambda: os.environ.get("HKD_BOUNDARY_SOURCE")
        or (str(SHARED_DATA) if (SHARED_DATA / "rotterdam_buurten_2015.geojson").exists() else None)
    )
    geocoder_url: str = field(default_factory=lambda: os.environ.get("HKD_GEOCODER_URL", ""))


def get_settings() -> Settings:
    """Return the settings as they are in the environment now."""
    return Settings()
