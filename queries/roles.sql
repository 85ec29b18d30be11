-- name: ensure_roles
-- The roles of core.rollen (cluster-wide), created when missing: the layer role of each user group, the owner and
-- the app's login roles; tests/queries/test_rollen.py checks this block against the catalogue. The one place that
-- creates them: it runs before the migrations (the role blocks of migrations 002 and 100 are history and find
-- them) and before a restore into a fresh cluster, where the dump's GRANTs refer to them. Their settings (time
-- zone, limits): rol_grenzen.
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
    -- The server's login that opens named sessions (migration 595): a member of no layer role, owns nothing.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_app_sessies') THEN
        CREATE ROLE hkd_app_sessies LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    END IF;
    GRANT hkd_publiek TO hkd_app_publiek;
    GRANT hkd_beheer TO hkd_app_beheer;
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
    -- A function the owner creates starts closed: no EXECUTE for PUBLIC (each object file grants what a layer
    -- needs; tests/security/test_functierechten.py holds every function of hkd and publiek to the allow-list).
    EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE hkd_eigenaar REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC';
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

-- name: statistiek_uit
-- Issue 23, one rule for every table: no planner statistics for the columns that can name or point at a facility
-- or a provider, in every table that holds facilities or providers or refers to them (hkd.locaties, hkd.aanbieders
-- and every table with a foreign key chain to either). Row-level security hides other providers' rows, but the
-- planner's estimates (EXPLAIN ... WHERE locatie_id = X, a bounding box on geom) come from statistics of the whole
-- table. Such a column is a reference (any foreign key column), a point or shape (geometry, geography), text
-- (names, codes, addresses, descriptions) or a name-like column of another type (huisnummer, postcode, pc4).
-- Kept: primary keys, dates, times, numbers and booleans, which name no one. Run after every migration run, so a
-- new table is covered without a line of its own; tests/security/test_statistiek_regel.py derives the same set
-- from what each login can reach and fails when a column is not covered. SET STATISTICS needs the owner; deleting
-- statistics already gathered needs a superuser (on a managed server an administrator runs this once).
DO $$
DECLARE
    r record;
    su boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
    -- hkd.locaties, hkd.aanbieders and every table with a foreign key chain to either
    bereik oid[] := ARRAY(
        WITH RECURSIVE keten(oid) AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'hkd' AND c.relname IN ('locaties', 'aanbieders')
            UNION
            SELECT con.conrelid FROM pg_constraint con JOIN keten k ON con.confrelid = k.oid
            WHERE con.contype = 'f'
        )
        SELECT oid FROM keten);
BEGIN
    FOR r IN
        SELECT a.attrelid::regclass AS tabel, a.attname AS kolom, a.attstattarget AS doel
        FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.oid = ANY (bereik) AND c.relkind IN ('r', 'p')
          AND pg_has_role(current_user, c.relowner, 'USAGE')
          AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary
                          AND a.attnum = ANY (i.indkey))
          AND (a.atttypid IN (SELECT t.oid FROM pg_type t WHERE t.typname IN ('geometry', 'geography', 'text',
                                                                            'varchar', 'bpchar', 'citext', 'jsonb',
                                                                            'json', 'name'))
               OR EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f'
                          AND a.attnum = ANY (f.conkey))
               OR a.attname IN ('huisnummer', 'postcode', 'pc4', 'locatie_id', 'aanbieder_id'))
    LOOP
        IF r.doel IS DISTINCT FROM 0 THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', r.tabel, r.kolom);
        END IF;
        IF su THEN
            DELETE FROM pg_catalog.pg_statistic s USING pg_catalog.pg_attribute a
            WHERE s.starelid = r.tabel AND a.attrelid = s.starelid AND a.attnum = s.staattnum
              AND a.attname = r.kolom;
        END IF;
    END LOOP;
    -- The same for what else keeps statistics of such a table: expression columns of its indexes (their own rows in
    -- pg_statistic) and extended statistics objects.
    FOR r IN
        SELECT i.indexrelid::regclass AS idx, k.nr, a.attstattarget AS doel
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(nr)
        JOIN pg_attribute a ON a.attrelid = i.indexrelid AND a.attnum = k.nr
        WHERE i.indrelid = ANY (bereik) AND i.indkey[k.nr - 1] = 0
          AND pg_has_role(current_user, ic.relowner, 'USAGE')
    LOOP
        IF r.doel IS DISTINCT FROM 0 THEN
            EXECUTE format('ALTER INDEX %s ALTER COLUMN %s SET STATISTICS 0', r.idx, r.nr);
        END IF;
        IF su THEN
            DELETE FROM pg_catalog.pg_statistic WHERE starelid = r.idx AND staattnum = r.nr;
        END IF;
    END LOOP;
    FOR r IN
        SELECT x.oid, format('%I.%I', n.nspname, x.stxname) AS naam, x.stxstattarget AS doel
        FROM pg_statistic_ext x JOIN pg_namespace n ON n.oid = x.stxnamespace
        WHERE x.stxrelid = ANY (bereik) AND pg_has_role(current_user, x.stxowner, 'USAGE')
    LOOP
        IF r.doel IS DISTINCT FROM 0 THEN
            EXECUTE format('ALTER STATISTICS %s SET STATISTICS 0', r.naam);
        END IF;
        IF su THEN
            DELETE FROM pg_catalog.pg_statistic_ext_data WHERE stxoid = r.oid;
        END IF;
    END LOOP;
END $$;

-- name: rol_grenzen
-- Issue 23: every LOGIN role of the app is brief and bounded. statement_timeout ends a runaway statement (one call
-- of the 100 m grid takes seconds), idle_in_transaction_session_timeout ends a transaction left open (locks and a
-- pool slot), CONNECTION LIMIT keeps one layer from taking every connection of the server (max_connections is 100
-- by default: 40 + 20 + 10 per provider + 10 for opening sessions leaves room for the administrators). The public
-- login reads only: default_transaction_read_only (a setting injected SQL can switch off, so the grants remain the line). Every login
-- lives in Rotterdam's days (current_date), also outside the app's engine (psql, the publisher).
-- Cluster-wide role settings (a database cloned from a template has no per-database settings). Written only when
-- different, so that concurrent runs do not update the same catalog row. Documented in docs/database-rollen.md.
DO $$
DECLARE
    r record;
    instelling text;
BEGIN
    FOR r IN
        SELECT rolname, rolconnlimit,
               CASE WHEN rolname = 'hkd_app_publiek' THEN 40 WHEN rolname = 'hkd_app_beheer' THEN 20
                    ELSE 10 END AS grens,
               ARRAY['TimeZone=Europe/Amsterdam'] ||
               CASE WHEN rolname = 'hkd_app_publiek' THEN ARRAY['statement_timeout=30s',
                                                                'idle_in_transaction_session_timeout=30s',
                                                                'default_transaction_read_only=on']
                    WHEN rolname = 'hkd_app_beheer' THEN ARRAY['statement_timeout=300s',
                                                               'idle_in_transaction_session_timeout=60s']
                    WHEN rolname = 'hkd_app_sessies' THEN ARRAY['statement_timeout=5s',
                                                                'idle_in_transaction_session_timeout=10s']
                    ELSE ARRAY['statement_timeout=60s', 'idle_in_transaction_session_timeout=60s'] END AS instellingen
        FROM pg_roles
        WHERE rolname IN ('hkd_app_publiek', 'hkd_app_beheer', 'hkd_app_sessies')
           OR (rolname LIKE 'hkd\_aanbieder\_%' AND rolcanlogin)
    LOOP
        IF r.rolconnlimit <> r.grens THEN
            EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', r.rolname, r.grens);
        END IF;
        FOREACH instelling IN ARRAY r.instellingen LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_db_role_setting s, unnest(s.setconfig) AS cfg(v)
                           WHERE s.setrole = r.rolname::regrole AND s.setdatabase = 0
                             AND lower(cfg.v) = lower(instelling)) THEN
                EXECUTE format('ALTER ROLE %I SET %s TO %L', r.rolname, split_part(instelling, '=', 1),
                               split_part(instelling, '=', 2));
            END IF;
        END LOOP;
    END LOOP;
END $$;
