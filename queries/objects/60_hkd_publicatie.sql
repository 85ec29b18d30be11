-- The published public site: the change signal.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- The signal: one notification per committing transaction that touched a table behind the publiek views
-- (PostgreSQL folds identical notifications of one transaction into one and delivers them only on commit, so a
-- rolled-back write never triggers a publication). Statement-level: a bulk load signals once per statement.
CREATE OR REPLACE FUNCTION hkd.publiek_gewijzigd() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hkd_publiek_gewijzigd', TG_TABLE_NAME);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION hkd.publiek_gewijzigd() IS
  'Statement trigger: notifies channel hkd_publiek_gewijzigd (payload: the table) so the publisher republishes.';
REVOKE ALL ON FUNCTION hkd.publiek_gewijzigd() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
