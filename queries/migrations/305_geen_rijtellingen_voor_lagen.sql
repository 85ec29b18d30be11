-- Issue 23: the number of rows of a table is not the layers' business. pg_class.reltuples and relpages, the
-- cumulative statistics (pg_stat_get_*: live tuples, inserts, scans) and the size functions (pg_relation_size and
-- kin) tell anyone connected how many meldingen, decisions or initiatives exist, even without any grant on the
-- table. The catalog stays readable column by column, without those three counting columns; the statistics and
-- size functions are not executable by PUBLIC (so the views pg_stat_user_tables, pg_stat_database and the like
-- refuse the layer logins; administrators and the owner's superuser keep them).
--
-- Needs a superuser (the catalog's owner): on a managed PostgreSQL an administrator runs this block once per
-- database (see docs/database-rollen.md); without it the migration changes nothing and says so.
-- What remains visible: the names of relations (pg_class.relname), columns and functions, as in every PostgreSQL.

DO $$
DECLARE
    kolommen text;
    f regprocedure;
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE NOTICE 'hkd: no superuser; pg_class.reltuples and pg_stat_* stay readable (docs/database-rollen.md)';
        RETURN;
    END IF;
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO kolommen
    FROM pg_attribute
    WHERE attrelid = 'pg_catalog.pg_class'::regclass AND attnum > 0 AND NOT attisdropped
      AND attname NOT IN ('reltuples', 'relpages', 'relallvisible');
    EXECUTE 'REVOKE SELECT ON pg_catalog.pg_class FROM PUBLIC';
    EXECUTE format('GRANT SELECT (%s) ON pg_catalog.pg_class TO PUBLIC', kolommen);
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_proc p
        WHERE p.pronamespace = 'pg_catalog'::regnamespace
          AND ((p.proname LIKE 'pg\_stat\_get\_%' AND p.pronargs = 1 AND p.proargtypes[0] = 'oid'::regtype)
               OR p.proname IN ('pg_relation_size', 'pg_table_size', 'pg_total_relation_size', 'pg_indexes_size'))
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;
