"""Typed settings: every environment variable HKD Kaart reads is read here, once, and nowhere else.

The dashboard may pass Streamlit secrets on top; nothing below ``ops/`` starts a server because of a setting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
LOCAL_HOST = "127.0.0.1"


class SettingError(ValueError):
    """A setting with a value HKD Kaart cannot use; the message names the variable."""


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def _int(name: str, default: int) -> int:
    raw = _env(name).strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingError(f"{name} moet een geheel getal zijn, niet {raw!r}") from exc


def _bool(name: str, default: bool) -> bool:
    raw = _env(name).strip().lower()
    if not raw:
        return default
    return raw not in ("0", "false", "nee", "uit", "no", "off")


def _mapping(name: str) -> dict[str, str]:
    """``a=b;c=d`` as ``{"a": "b", "c": "d"}`` (empty entries ignored; a malformed one is refused)."""
    found: dict[str, str] = {}
    for part in _env(name).split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise SettingError(f"{name}: verwacht 'groep=rol;...', niet {part!r}")
        found[key.strip()] = value.strip()
    return found


def _sqlalchemy_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` as SQLAlchemy's psycopg 3 URL."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class Settings:
    """Everything HKD Kaart reads from its environment.

    Attributes
    ----------
    explicit_database_url
        An explicit PostGIS URL (``DATABASE_URL``). ``None`` means: the project-local server.
    state_dir
        Git-ignored folder for the project-local server, caches and test output (``HKD_STATE_DIR``).
    local_port, local_dbname
        Port and database of the project-local PostgreSQL server (``HKD_PG_PORT``, ``HKD_PG_DB``).
    test_port
        Port of the project-local test cluster the tests start (``HKD_TEST_PG_PORT``).
    test_database_url
        Run the tests on this server instead (``TEST_DATABASE_URL``, a superuser URL).
    explicit_app_database_url
        The URL the dashboard connects with (``HKD_APP_DATABASE_URL``): the public layer's LOGIN role
        ``hkd_app_publiek``; the other layers' logins are the same URL with another user name (passwords from
        ``~/.pgpass`` / ``PGPASSFILE``). Unset: ``DATABASE_URL``, or the project-local server as ``hkd_app_publiek``.
    boundary_source
        Folder, file or URL with real CBS boundaries (``HKD_BOUNDARY_SOURCE``); by default ``../shared/data``
        when present, otherwise the schematic geography built from the committed facts tables.
    geocoder_url
        Base URL of a PDOK-Locatieserver-compatible geocoder (``HKD_GEOCODER_URL``); empty means offline.
    scan_normen
        TOML file overriding the draagkrachtscan's norms (``HKD_SCAN_NORMEN``); ``None`` = the defaults.
    accounts_file
        The local account store (``HKD_ACCOUNTS_FILE``, default ``<state_dir>/accounts.json``).
    login_max_pogingen, login_blokkade_minuten
        Failed logins before an account is blocked, and for how long (``HKD_LOGIN_MAX_POGINGEN``,
        ``HKD_LOGIN_BLOKKADE_MINUTEN``).
    sessie_minuten, sessie_max_uren
        Idle minutes after which a login (local or OIDC) expires (``HKD_SESSIE_MINUTEN``), and the hours after the
        login at which it ends however active (``HKD_SESSIE_MAX_UREN``; an OIDC session also ends with its ID
        token).
    lokaal_inloggen
        Whether the local account store may be used (``HKD_LOKAAL_INLOGGEN``, default on; off in production).
    signalen_url, signalen_token
        Base URL and bearer token of a Signalen (SIA) meldingen system for the periodic import
        (``HKD_SIGNALEN_URL``, ``HKD_SIGNALEN_TOKEN``); empty URL means no import.
    oidc_rol_claim, oidc_rollen
        OIDC: the claim holding a person's groups or roles (``HKD_OIDC_ROL_CLAIM``, default ``groups``) and the
        mapping of its values to layers (``HKD_OIDC_ROLLEN``, e.g. ``hkd-beheer=hkd;zorg-alfa=aanbieder:alfa``;
        unmapped = publiek). The per-address mapping in secrets ``[hkd_rollen]`` is checked first.
    volg_seconden
        How often an open Overleg screen asks whether the meeting moved on (``HKD_VOLG_SECONDEN``, default 2).
    basemap
        The basemap under every map (``HKD_BASEMAP``): ``pdok-standaard|pdok-grijs|pdok-pastel|pdok-water``, ``geen``, an
        XYZ or WMTS (Web Mercator) tile URL template; resolved by :func:`geo.basemap.resolve`. See docs/kaarten.md.
    publicatie_map
        Folder of the published public site (``HKD_PUBLICATIE_DIR``, default ``<state_dir>/publicatie``); the web
        server serves its ``actueel`` symlink.
    publicatie_port
        Port on which ``hkd run`` serves the published site beside the dashboard (``HKD_PUBLICATIE_PORT``, 8600).
    publicatie_url
        The public address of the published site, linked from the Streamlit "Openbare kaart" page
        (``HKD_PUBLICATIE_URL``; default the local one, ``http://127.0.0.1:<publicatie_port>/``).
    """

    explicit_database_url: str | None = field(default_factory=lambda: _env("DATABASE_URL") or None)
    state_dir: Path = field(default_factory=lambda: Path(_env("HKD_STATE_DIR") or PROJECT_ROOT / ".hkd").resolve())
    local_port: int = field(default_factory=lambda: _int("HKD_PG_PORT", 54329))
    local_dbname: str = field(default_factory=lambda: _env("HKD_PG_DB", "hkd"))
    test_port: int = field(default_factory=lambda: _int("HKD_TEST_PG_PORT", 54339))
    test_database_url: str | None = field(default_factory=lambda: _env("TEST_DATABASE_URL") or None)
    explicit_app_database_url: str | None = field(default_factory=lambda: _env("HKD_APP_DATABASE_URL") or None)
    boundary_source: str | None = field(
        default_factory=lambda: _env("HKD_BOUNDARY_SOURCE")
        or (str(SHARED_DATA) if (SHARED_DATA / "rotterdam_buurten_2015.geojson").exists() else None)
    )
    geocoder_url: str = field(default_factory=lambda: _env("HKD_GEOCODER_URL"))
    scan_normen: str | None = field(default_factory=lambda: _env("HKD_SCAN_NORMEN") or None)
    accounts_file: Path | None = field(default_factory=lambda: Path(_env("HKD_ACCOUNTS_FILE")) if _env(
        "HKD_ACCOUNTS_FILE") else None)
    login_max_pogingen: int = field(default_factory=lambda: _int("HKD_LOGIN_MAX_POGINGEN", 5))
    login_blokkade_minuten: int = field(default_factory=lambda: _int("HKD_LOGIN_BLOKKADE_MINUTEN", 15))
    sessie_minuten: int = field(default_factory=lambda: _int("HKD_SESSIE_MINUTEN", 60))
    sessie_max_uren: int = field(default_factory=lambda: _int("HKD_SESSIE_MAX_UREN", 10))
    lokaal_inloggen: bool = field(default_factory=lambda: _bool("HKD_LOKAAL_INLOGGEN", True))
    basemap: str = field(default_factory=lambda: _env("HKD_BASEMAP", "geen"))
    volg_seconden: float = field(default_factory=lambda: float(_env("HKD_VOLG_SECONDEN") or 2))
    publicatie_map: Path | None = field(default_factory=lambda: Path(_env("HKD_PUBLICATIE_DIR")).resolve() if _env(
        "HKD_PUBLICATIE_DIR") else None)
    publicatie_port: int = field(default_factory=lambda: _int("HKD_PUBLICATIE_PORT", 8600))
    signalen_url: str = field(default_factory=lambda: _env("HKD_SIGNALEN_URL"))
    signalen_token: str = field(default_factory=lambda: _env("HKD_SIGNALEN_TOKEN"), repr=False)
    publicatie_adres: str = field(default_factory=lambda: _env("HKD_PUBLICATIE_URL"))

    @property
    def publicatie_url(self) -> str:
        """Where readers find the published public site."""
        return self.publicatie_adres or f"http://127.0.0.1:{self.publicatie_port}/"
    oidc_rol_claim: str = field(default_factory=lambda: _env("HKD_OIDC_ROL_CLAIM", "groups"))
    oidc_rollen: dict[str, str] = field(default_factory=lambda: _mapping("HKD_OIDC_ROLLEN"))

    @property
    def is_local(self) -> bool:
        """True when HKD Kaart uses its project-local server (no ``DATABASE_URL``)."""
        return self.explicit_database_url is None

    def local_url(self, dbname: str | None = None, port: int | None = None) -> str:
        """The URL of the project-local server (whether it runs or not: starting it is the job of ``ops``)."""
        return f"postgresql+psycopg://postgres@{LOCAL_HOST}:{port or self.local_port}/{dbname or self.local_dbname}"

    @property
    def database_url(self) -> str:
        """The URL in use: ``DATABASE_URL`` when set, else the project-local server's."""
        if self.explicit_database_url:
            return _sqlalchemy_url(self.explicit_database_url)
        return self.local_url()

    @property
    def publicatie_dir(self) -> Path:
        """The folder of the published public site."""
        return self.publicatie_map or self.state_dir / "publicatie"

    @property
    def app_database_url(self) -> str:
        """The URL the dashboard connects with (see ``explicit_app_database_url``)."""
        if self.explicit_app_database_url:
            return _sqlalchemy_url(self.explicit_app_database_url)
        if self.explicit_database_url:
            return _sqlalchemy_url(self.explicit_database_url)
        return self.local_url().replace("://postgres@", "://hkd_app_publiek@", 1)

    @property
    def accounts_path(self) -> Path:
        """The local account store's file."""
        return self.accounts_file or self.state_dir / "accounts.json"


def get_settings() -> Settings:
    """Return the settings as they are in the environment now."""
    return Settings()
