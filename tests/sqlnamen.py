"""Statements on a table named by a test's fixed list, built by SQLAlchemy Core: the name is quoted as an identifier
(a name cannot be a bound parameter), every value is bound. No f-string SQL in the tests either."""

from __future__ import annotations

from sqlalchemy import Delete, Select, TableClause, column, delete, func, literal_column, select, table


def tabel(naam: str) -> TableClause:
    """``schema.name`` as a table clause."""
    schema, _, relatie = naam.rpartition(".")
    return table(relatie, schema=schema or None)


def alles_uit(naam: str, **gelijk: object) -> Select:
    """``SELECT * FROM naam [WHERE kolom = :waarde ...]``."""
    stmt = select(literal_column("*")).select_from(tabel(naam))
    for kolom, waarde in gelijk.items():
        stmt = stmt.where(column(kolom) == waarde)
    return stmt


def aantal_in(naam: str) -> Select:
    """``SELECT count(*) FROM naam``."""
    return select(func.count()).select_from(tabel(naam))


def alles_weg(naam: str) -> Delete:
    """``DELETE FROM naam``."""
    return delete(tabel(naam))
