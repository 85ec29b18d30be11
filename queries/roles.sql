-- name: ensure_roles
-- The three layer roles, the owner and the app's login roles (cluster-wide), created when missing. Also in migration 002; needed again before a
-- restore into a fresh cluster, where the dump's GRANTs refer to them.
DO $$
DECLARE
    r text;
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
    -- The owner and the app's login roles (migration 100): each login is a member of exactly one layer role.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_eigenaar') THEN
        CREATE ROLE hkd_eigenaar NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_app_publiek') THEN
        CREATE ROLE hkd_app_publiek LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_app_beheer') THEN
        CREATE ROLE hkd_app_beheer LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT;
    END IF;
    GRANT hkd_publiek TO hkd_app_publiek;
    GRANT hkd_beheer TO hkd_app_beheer;
    -- Rotterdam's days (current_date) for every login, also outside the app's engine (psql, the publisher);
    -- written only when missing, so that concurrent runs do not update the same catalog row.
    FOREACH r IN ARRAY ARRAY['hkd_app_publiek', 'hkd_app_beheer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_db_role_setting s, unnest(s.setconfig) AS cfg(v)
                       WHERE s.setrole = r::regrole AND s.setdatabase = 0
                         AND lower(cfg.v) = 'timezone=europe/amsterdam') THEN
            EXECUTE format('ALTER ROLE %I SET timezone TO %L', r, 'Europe/Amsterdam');
        END IF;
    END LOOP;
END $$;

-- name: has_hkd_schema
-- Whether the database already holds HKD Kaart objects.
SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hkd');

-- name: ensure_aanbieder_rollen
-- One LOGIN role per provider (hkd_aanbieder_<code>), member of hkd_aanbieder only, created when missing. Only a
-- role with CREATEROLE can run this (the project-local superuser; on a managed server the administrator).
DO $$
DECLARE
    c text;
BEGIN
    FOR c IN SELECT code FROM hkd.aanbieders ORDER BY code LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_aanbieder_' || c) THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT',
                           'hkd_aanbieder_' || c);
        END IF;
        EXECUTE format('GRANT hkd_aanbieder TO %I', 'hkd_aanbieder_' || c);
        IF NOT EXISTS (SELECT 1 FROM pg_db_role_setting s, unnest(s.setconfig) AS cfg(v)
                           WHERE s.setrole = ('hkd_aanbieder_' || c)::regrole AND s.setdatabase = 0
                             AND lower(cfg.v) = 'timezone=europe/amsterdam') THEN
            EXECUTE format('ALTER ROLE %I SET timezone TO %L', 'hkd_aanbieder_' || c, 'Europe/Amsterdam');
        END IF;
    END LOOP;
END $$;

-- name: mag_rollen_maken
-- Whether the connected role may create roles and hand objects over (superuser or CREATEROLE).
SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user;

-- name: overdragen_aan_eigenaar
-- Hand schemas hkd and publiek and every object in them to hkd_eigenaar, and FORCE row-level security with an
-- owner policy on every table that has it enabled. Idempotent; run after every migration run (objects added by
-- later migrations are handed over too). Needs a superuser (or a member of both the old and the new owner).
DO $$
DECLARE
    r record;
BEGIN
    -- No temporary objects for the login roles (a database's privileges are not copied from a template).
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_eigenaar') THEN
        RETURN;
    END IF;
    EXECUTE 'ALTER SCHEMA hkd OWNER TO hkd_eigenaar';
    EXECUTE 'ALTER SCHEMA publiek OWNER TO hkd_eigenaar';
    FOR r IN
        SELECT c.oid::regclass AS obj, c.relkind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('hkd', 'publiek') AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND pg_get_userbyid(c.relowner) <> 'hkd_eigenaar'
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                               AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO hkd_eigenaar',
                       CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                       r.obj);
    END LOOP;
    FOR r IN
        SELECT p.oid::regprocedure AS obj, p.prokind
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('hkd', 'publiek') AND pg_get_userbyid(p.proowner) <> 'hkd_eigenaar'
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO hkd_eigenaar',
                       CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.obj);
    END LOOP;
    FOR r IN
        SELECT t.oid::regtype AS obj
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname IN ('hkd', 'publiek') AND t.typtype IN ('c', 'd', 'e', 'r')
          AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
          AND pg_get_userbyid(t.typowner) <> 'hkd_eigenaar'
    LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO hkd_eigenaar', r.obj);
    END LOOP;
    FOR r IN
        SELECT c.oid::regclass AS obj, c.relforcerowsecurity AS forced,
               EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'eigenaar_alles') AS heeft
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'hkd' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
    LOOP
        IF NOT r.heeft THEN
            EXECUTE format('CREATE POLICY eigenaar_alles ON %s FOR ALL TO hkd_eigenaar USING (true) WITH CHECK (true)',
                           r.obj);
        END IF;
        IF NOT r.forced THEN
            EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', r.obj);
        END IF;
    END LOOP;
END $$;
