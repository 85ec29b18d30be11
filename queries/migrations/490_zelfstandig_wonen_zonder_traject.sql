-- Seed 001, "Scope van het convenant": "Voor alle woonvormen, m.u.v. zelfstandig wonen, wordt een gezamenlijk
-- traject doorlopen." An initiative of such a woonvorm does not enter the stappenplan. The same list as
-- core.domain.ZONDER_GEZAMENLIJK_TRAJECT (a test keeps both equal); the page leaves the woonvorm out of its form
-- and dashboard.initiatieven.invoer.fouten names the rule, the database refuses a hand-written INSERT too.
CREATE TABLE hkd.woonvormen_zonder_traject (
    woonvorm text PRIMARY KEY REFERENCES hkd.woonvormen (code)
);
INSERT INTO hkd.woonvormen_zonder_traject VALUES ('zelfstandig_zorg');
GRANT SELECT ON hkd.woonvormen_zonder_traject TO hkd_aanbieder, hkd_beheer;

-- The trigger's function; its one current definition is in queries/objects/30_hkd_initiatieven.sql (re-applied
-- after every migrate).
CREATE OR REPLACE FUNCTION hkd.initiatief_traject_controleren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.woonvormen_zonder_traject z WHERE z.woonvorm = NEW.woonvorm) THEN
        RAISE EXCEPTION 'zelfstandig wonen doorloopt het stappenplan niet (convenant: gezamenlijk traject voor alle '
                        'woonvormen behalve zelfstandig wonen)' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER initiatief_traject BEFORE INSERT ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.initiatief_traject_controleren();
