-- name: ensure_roles
-- The three layer roles (cluster-wide), created when missing. Also in migration 002; needed again before a
-- restore into a fresh cluster, where the dump's GRANTs refer to them.
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

-- name: has_hkd_schema
-- Whether the database already holds HKD Kaart objects.
SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hkd');
