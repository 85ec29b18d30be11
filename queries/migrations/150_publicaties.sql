-- The published public site (hkd publiceer): a log of every publication attempt, append-only, and a signal on every
-- write that can change a public figure, so that a publisher process (hkd run) republishes within seconds.

CREATE TABLE hkd.publicaties (
    id          bigserial PRIMARY KEY,
    tijd        timestamptz NOT NULL DEFAULT clock_timestamp(),
    door        text NOT NULL DEFAULT hkd.current_gebruiker() CHECK (btrim(door) <> ''),
    status      text NOT NULL CHECK (status IN ('gepubliceerd', 'mislukt')),
    aanleiding  text NOT NULL DEFAULT '',
    data_versie text,   -- sha256 (16 hex) of the public data as published (GeoJSON + tables)
    checksum    text,   -- sha256 over the manifest of every file of the site
    map         text,   -- the release folder the site was switched to
    bestanden   integer,
    bytes       bigint,
    duur_ms     integer,
    fout        text,
    CHECK (status = 'mislukt' OR (data_versie IS NOT NULL AND checksum IS NOT NULL AND map IS NOT NULL)),
    CHECK (status = 'gepubliceerd' OR fout IS NOT NULL)
);
COMMENT ON TABLE hkd.publicaties IS
  'Every publication of the public site: when, by whom, which data version and checksum; failures with the reason.';
CREATE INDEX publicaties_tijd ON hkd.publicaties (tijd DESC, id DESC);
CREATE TRIGGER publicaties_append_only BEFORE UPDATE OR DELETE ON hkd.publicaties
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER publicaties_no_truncate BEFORE TRUNCATE ON hkd.publicaties
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.publicaties FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- HKD reads the log on the Beheer page; the publisher writes it as the owner (like the importers). No provider
-- rows here, so no row-level security; the public and provider layers get nothing.
GRANT SELECT ON hkd.publicaties TO hkd_beheer;

-- The signal: one notification per committing transaction that touched a table behind the publiek views
-- (PostgreSQL folds identical notifications of one transaction into one and delivers them only on commit, so a
-- rolled-back write never triggers a publication). Statement-level: a bulk load signals once per statement.
CREATE FUNCTION hkd.publiek_gewijzigd() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hkd_publiek_gewijzigd', TG_TABLE_NAME);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION hkd.publiek_gewijzigd() IS
  'Statement trigger: notifies channel hkd_publiek_gewijzigd (payload: the table) so the publisher republishes.';

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['locaties', 'fase_besluiten', 'beheer_status', 'gebieden', 'geografie', 'indicatoren',
                             'openbaarmaking', 'woonvormen']
    LOOP
        EXECUTE format('CREATE TRIGGER publiek_gewijzigd AFTER INSERT OR UPDATE OR DELETE ON hkd.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION hkd.publiek_gewijzigd()', t);
        -- TRUNCATE is refused on the append-only tables anyway; on the others it empties public figures.
        EXECUTE format('CREATE TRIGGER publiek_gewijzigd_truncate AFTER TRUNCATE ON hkd.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION hkd.publiek_gewijzigd()', t);
    END LOOP;
END $$;
