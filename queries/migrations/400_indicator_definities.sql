-- The indicator catalogue in the database (issue 25: one catalogue; issue 22: observation counts).
--
-- hkd.indicator_definities holds one row per indicator of core/indicatoren.py (CATALOGUS): label, unit, direction,
-- count or ratio, range, disclosure rule and source. It is filled from the catalogue after every migrate
-- (queries.indicatoren.synchroniseer_definities); tests/queries/test_indicator_definities.py fails when the two
-- differ. Nobody but the owner writes it (hkd_beheer may read it); its history is the code's (no audit trigger:
-- a migrate writes no audit entries), and no row may lower the small-numbers threshold below 10.
--
-- publiek.indicator_waarden now applies seed 002 footnote 6 per indicator: "Indicatoren waarvoor minder dan 10
-- waarnemingen beschikbaar waren zijn buiten beschouwing gelaten. Voor inkomensgegevens is een ondergrens van 100
-- waarnemingen gehanteerd." The threshold of a value is the greater of the configured minimum
-- (hkd.indicator_openbaarmaking.min_waarnemingen) and its indicator's (100 for income data). Its observations are
-- the stored count (hkd.indicatoren.waarnemingen, from the file or derived by the importer), else derived here as
-- the catalogue says: 'zelf' (a count of persons is its own number of observations; also every indicator in
-- aantal_indicatoren, migration 183) or 'inwoners' (a share of the inhabitants: inhabitants x share / 100, the
-- inhabitants of the same area and year). The CBS buurt rule (fewer than min_inwoners_buurt inhabitants) holds for
-- every indicator the catalogue marks cbs_buurtregel, and for those listed in percentage_indicatoren (103).

CREATE TABLE hkd.indicator_definities (
    code              text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
    label             text NOT NULL CHECK (label <> ''),
    eenheid           text NOT NULL,
    hoger_beter       boolean,
    soort             text NOT NULL CHECK (soort IN ('aantal', 'ratio')),
    bereik_min        double precision NOT NULL,
    bereik_max        double precision NOT NULL CHECK (bereik_max >= bereik_min),
    min_waarnemingen  integer NOT NULL CHECK (min_waarnemingen >= 10),
    waarnemingen_uit  text CHECK (waarnemingen_uit IN ('zelf', 'inwoners')),
    cbs_buurtregel    boolean NOT NULL,
    reeks             boolean NOT NULL,
    bron_dataset      text NOT NULL,
    bron_uitgever     text NOT NULL
);
COMMENT ON TABLE hkd.indicator_definities IS
  'The indicator catalogue (core/indicatoren.py), synchronised on every migrate; read by publiek.indicator_waarden.';
GRANT SELECT ON hkd.indicator_definities TO hkd_beheer;  -- the voor/nameting picks its indicators by direction
-- publiek.indicator_waarden reads this table: its one definition is in queries/objects/70_publiek.sql.
