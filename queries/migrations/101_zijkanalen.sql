-- Side channels (issue 10): PostGIS functions that read the statistics or the spatial index of a table return the
-- bounding box of hkd.locaties (corners are real facility coordinates) to any role that can name the table's oid,
-- without any grant on it. Nobody but the owner and administrators needs them: EXECUTE is revoked from PUBLIC.
-- tests/security/test_functies_allowlist.py lists every function each layer role can execute and fails on a new one.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
        JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'postgis'
        WHERE p.proname IN ('_postgis_selectivity', '_postgis_join_selectivity', '_postgis_stats',
                            '_postgis_index_extent', 'st_estimatedextent', 'st_findextent',
                            'postgis_extensions_upgrade', 'populate_geometry_columns', 'updategeometrysrid',
                            'addgeometrycolumn', 'dropgeometrycolumn', 'dropgeometrytable')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;
