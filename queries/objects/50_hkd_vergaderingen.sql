-- Meetings of the Sturingsoverleg.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- The provider of a decision follows from its location (or its fase decision's location) when not given.
CREATE OR REPLACE FUNCTION hkd.vergadering_besluit_aanbieder() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
BEGIN
    IF NEW.locatie_id IS NULL AND NEW.fase_besluit_id IS NOT NULL THEN
        SELECT locatie_id INTO NEW.locatie_id FROM hkd.fase_besluiten WHERE id = NEW.fase_besluit_id;
    END IF;
    IF NEW.aanbieder_id IS NULL AND NEW.locatie_id IS NOT NULL THEN
        SELECT aanbieder_id INTO NEW.aanbieder_id FROM hkd.locaties WHERE id = NEW.locatie_id;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.vergadering_besluit_aanbieder() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
