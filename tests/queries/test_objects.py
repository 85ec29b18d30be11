"""Today's views and functions have one definition each, in queries/objects/, re-applied on every migrate."""

from __future__ import annotations

import re
from collections import Counter

from sqlalchemy import text

from queries.db import migrate, object_files

_CREATE = re.compile(r"^CREATE OR REPLACE (VIEW|FUNCTION) ([a-z_]+\.[a-z_0-9]+)", re.MULTILINE | re.IGNORECASE)

# Every view and function of the product schemas with what makes it what it is: its definition, options, owner,
# grants and comment. Functions are keyed by name: the product has no overloads (a test below holds that).
_CATALOGUE = text("""
SELECT 'VIEW' AS soort, n.nspname || '.' || c.relname AS naam, pg_get_viewdef(c.oid) AS definitie,
       coalesce(c.reloptions::text, '') AS opties, pg_get_userbyid(c.relowner) AS eigenaar,
       coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(c.relacl) a), '') AS rechten,
       coalesce(obj_description(c.oid, 'pg_class'), '') AS toelichting
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN ('hkd', 'publiek') AND c.relkind = 'v'  -- a materialised view stores rows like a table: migrations define it
UNION ALL
SELECT 'FUNCTION', n.nspname || '.' || p.proname, pg_get_functiondef(p.oid), '', pg_get_userbyid(p.proowner),
       coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(p.proacl) a), ''),
       coalesce(obj_description(p.oid, 'pg_proc'), '')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN ('hkd', 'publiek')
ORDER BY 1, 2
""")


def _defined_in_files() -> Counter:
    return Counter((m.group(1).upper(), m.group(2).lower())
                   for path in object_files() for m in _CREATE.finditer(path.read_text(encoding="utf-8")))


def _catalogue(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(_CATALOGUE)]


def test_every_view_and_function_is_defined_in_exactly_one_object_file(empty_db):
    in_files = _defined_in_files()
    twice = sorted(name for name, n in in_files.items() if n > 1)
    assert twice == [], f"defined more than once in queries/objects/: {twice}"
    live = Counter((r[0], r[1]) for r in _catalogue(empty_db))
    overloaded = sorted(name for name, n in live.items() if n > 1)
    assert overloaded == []
    assert sorted(set(live) - set(in_files)) == [], "objects in the database that no file of queries/objects/ defines"
    assert sorted(set(in_files) - set(live)) == [], "objects a file defines that the database lacks"


def test_migrate_again_changes_no_definition_grant_or_owner(empty_db):
    before = _catalogue(empty_db)
    assert migrate(empty_db) == []
    assert _catalogue(empty_db) == before


def test_migrate_restores_a_definition_changed_by_hand(empty_db):
    """The object file, not whatever ran last, is the definition: a function replaced by hand and a grant added
    by hand are back to the file's after the next migrate."""
    before = _catalogue(empty_db)
    with empty_db.begin() as conn:
        conn.execute(text("CREATE OR REPLACE FUNCTION hkd.afgerond(n bigint, r integer) RETURNS integer "
                          "LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT n::integer $$"))
        conn.execute(text("GRANT SELECT ON hkd.grenssets TO hkd_publiek"))
        assert conn.execute(text("SELECT hkd.afgerond(7, 5)")).scalar_one() == 7
    assert _catalogue(empty_db) != before
    migrate(empty_db)
    assert _catalogue(empty_db) == before
    with empty_db.connect() as conn:
        assert conn.execute(text("SELECT hkd.afgerond(7, 5)")).scalar_one() == 5
