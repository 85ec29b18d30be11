-- The three layer roles, as NOLOGIN group roles. The application connects with a login role that is a member
-- of them and switches per transaction (SET LOCAL ROLE), so that the database, not only the app, decides what
-- each audience can read or write. Roles are cluster-wide: create them only when missing.
-- Grants and row-level security per role are added by later migrations, table by table (deny by default).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_publiek') THEN
        CREATE ROLE hkd_publiek NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_aanbieder') THEN
        CREATE ROLE hkd_aanbieder NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_beheer') THEN
        CREATE ROLE hkd_beheer NOLOGIN;
    END IF;
END $$;

-- Public aggregates live in their own schema; base tables stay in schema hkd.
CREATE SCHEMA IF NOT EXISTS publiek;
REVOKE ALL ON SCHEMA hkd FROM PUBLIC;
REVOKE ALL ON SCHEMA publiek FROM PUBLIC;
GRANT USAGE ON SCHEMA publiek TO hkd_publiek, hkd_aanbieder, hkd_beheer;
