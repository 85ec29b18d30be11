-- Defence in depth (issue 10): the database holds the line for every layer, whatever SQL reaches it.
--
--   hkd_eigenaar      NOLOGIN owner of schemas hkd and publiek and every object in them (handed over after each
--                     migration run by queries.lagen.na_migratie). Not a superuser: row-level security is FORCED
--                     on the detail tables and the owner reads them through its own explicit policy.
--   hkd_app_publiek   LOGIN, member of hkd_publiek only.   The app's public connections.
--   hkd_app_beheer    LOGIN, member of hkd_beheer only.    The app's connections for signed-in HKD users.
--   hkd_aanbieder_<code>
--                     LOGIN, member of hkd_aanbieder only, one per provider (queries/roles.sql
--                     ensure_aanbieder_rollen). The provider of a transaction IS this role: no setting names it.
--
-- A login role owns nothing, is no superuser, has no BYPASSRLS/CREATEROLE/CREATEDB and is a member of exactly one
-- layer role, so RESET ROLE, SET ROLE <other layer> or SET SESSION AUTHORIZATION in injected SQL have nothing to
-- switch to. Roles are cluster-wide: created here only when missing and only when the migrating role may create
-- roles (on a managed PostgreSQL an administrator creates them first; see docs/database-rollen.md).

DO $$
DECLARE
    mag boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user);
    r record;
BEGIN
    IF NOT mag THEN
        RAISE NOTICE 'hkd: no CREATEROLE; the owner and login roles must exist already';
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hkd_eigenaar') THEN
        CREATE ROLE hkd_eigenaar NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
    FOR r IN SELECT * FROM (VALUES ('hkd_app_publiek', 'hkd_publiek'), ('hkd_app_beheer', 'hkd_beheer')) v(login, laag)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.login) THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT', r.login);
        END IF;
        EXECUTE format('GRANT %I TO %I', r.laag, r.login);
    END LOOP;
END $$;

-- The layer role of this transaction as the database knows it: the role SET ROLE switched to (only possible
-- into a role the session is a member of), else the login. SECURITY DEFINER functions change current_user but not
-- the 'role' setting, so this answers the same inside them. Nothing a transaction can SET changes it beyond that.
CREATE FUNCTION hkd.laag_rol() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(nullif(current_setting('role', true), 'none'), session_user::text)
$$;

-- The provider of this transaction: the provider whose own role the transaction runs under (hkd_aanbieder_<code>).
-- No longer read from the changeable setting hkd.aanbieder.
CREATE OR REPLACE FUNCTION hkd.eigen_aanbieder_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    SELECT id FROM hkd.aanbieders WHERE 'hkd_aanbieder_' || code = hkd.laag_rol()
$$;

-- The inzage log names the layer role and the provider as the database knows them.
CREATE OR REPLACE FUNCTION hkd.log_inzage(p_onderdeel text, p_omschrijving text, p_details jsonb DEFAULT '{}'::jsonb)
RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    INSERT INTO hkd.inzage_log (gebruiker, db_rol, aanbieder, onderdeel, omschrijving, details)
    VALUES (hkd.current_gebruiker(), hkd.laag_rol(),
            (SELECT a.code FROM hkd.aanbieders a WHERE a.id = hkd.eigen_aanbieder_id()),
            p_onderdeel, p_omschrijving, coalesce(p_details, '{}'::jsonb))
    RETURNING id
$$;

CREATE OR REPLACE FUNCTION hkd.audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rij jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), hkd.laag_rol(), TG_OP, TG_TABLE_NAME, rij ->> 'id', rij - 'geom' - 'geom_display');
    RETURN NULL;
END $$;

-- The audit log refuses TRUNCATE like the other append-only tables (also by its owner).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON hkd.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- FORCE row-level security: the owner is no longer the role the migrations and imports connect as (a superuser
-- or the owner's administrator bypasses or owns it anyway), so the owner too reads through a policy. Views that
-- aggregate rows a layer cannot see keep working through the owner's policy.
ALTER TABLE hkd.locaties FORCE ROW LEVEL SECURITY;
ALTER TABLE hkd.fase_besluiten FORCE ROW LEVEL SECURITY;
ALTER TABLE hkd.beheer_status FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar_alles ON hkd.locaties FOR ALL TO hkd_eigenaar USING (true) WITH CHECK (true);
CREATE POLICY eigenaar_alles ON hkd.fase_besluiten FOR ALL TO hkd_eigenaar USING (true) WITH CHECK (true);
CREATE POLICY eigenaar_alles ON hkd.beheer_status FOR ALL TO hkd_eigenaar USING (true) WITH CHECK (true);

-- The planner oracle: row-level security hides other providers' rows, but the planner's estimates (EXPLAIN on
-- "WHERE straat = 'x'", a leakproof operator) come from column statistics of the whole table. No statistics are
-- kept for the columns that identify a facility, so an estimate says nothing about another provider's row.
ALTER TABLE hkd.locaties
    ALTER COLUMN code SET STATISTICS 0, ALTER COLUMN naam SET STATISTICS 0,
    ALTER COLUMN straat SET STATISTICS 0, ALTER COLUMN huisnummer SET STATISTICS 0,
    ALTER COLUMN postcode SET STATISTICS 0, ALTER COLUMN plaats SET STATISTICS 0,
    ALTER COLUMN geom SET STATISTICS 0, ALTER COLUMN pc4 SET STATISTICS 0,
    ALTER COLUMN aanbieder_id SET STATISTICS 0, ALTER COLUMN doelgroep SET STATISTICS 0;
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        DELETE FROM pg_catalog.pg_statistic s USING pg_catalog.pg_attribute a
        WHERE s.starelid = 'hkd.locaties'::regclass AND a.attrelid = s.starelid AND a.attnum = s.staattnum
          AND a.attstattarget = 0;
    END IF;
END $$;

-- No temporary objects for anyone but the owner (no pg_temp functions or tables to stage an attack in).
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
