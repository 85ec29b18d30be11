"""Load named statements from ``.sql`` files (aiosql style: ``-- name: snake_case`` headers, ``:named`` params)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import TextClause, text

SQL_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^--\s*name:\s*([a-z_][a-z0-9_]*)\s*$", re.MULTILINE)


@cache
def statements(domain: str) -> dict[str, str]:
    """Return ``{name: sql}`` for ``queries/<domain>.sql``."""
    source = (SQL_DIR / f"{domain}.sql").read_text(encoding="utf-8")
    parts = _HEADER.split(source)
    found: dict[str, str] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name in found:
            raise ValueError(f"{domain}.sql defines {name!r} twice")
        found[name] = body.strip().rstrip(";")
    return found


def sql(domain: str, name: str) -> TextClause:
    """Return the statement ``name`` of ``queries/<domain>.sql`` as a bindable SQLAlchemy clause."""
    try:
        return text(statements(domain)[name])
    except KeyError:
        raise KeyError(f"no statement {name!r} in queries/{domain}.sql") from None
