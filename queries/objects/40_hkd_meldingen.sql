-- The meldingenregister: checks on a melding and the rule that only its handling may change.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- Checks a melding; it keeps no copy of the location's point (a melding names its location, the map finds it).
CREATE OR REPLACE FUNCTION hkd.meldingen_controle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ontvangen_op > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'melding: ontvangen op % ligt in de toekomst', NEW.ontvangen_op
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.afgehandeld_op > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'melding: afgehandeld op % ligt in de toekomst', NEW.afgehandeld_op
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.vastgelegd_door := hkd.current_gebruiker();
        NEW.vastgelegd_op := now();
        IF NEW.geom IS NOT NULL AND (NEW.systeem <> 'signalen'
                                     OR NEW.geom ~= (SELECT l.geom FROM hkd.locaties l WHERE l.id = NEW.locatie_id)) THEN
            NEW.geom := NULL;   -- only a source system's own point is kept (see above)
        END IF;
    ELSE
        NEW.vastgelegd_door := OLD.vastgelegd_door;
        NEW.vastgelegd_op := OLD.vastgelegd_op;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.meldingen_controle() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.alleen_afhandeling() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'afgehandeld_op' - 'afhandeling' - 'melder_tevreden')
       IS DISTINCT FROM (to_jsonb(OLD) - 'afgehandeld_op' - 'afhandeling' - 'melder_tevreden') THEN
        RAISE EXCEPTION 'een melding is alleen-toevoegen: alleen de afhandeling kan nog worden vastgelegd'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.alleen_afhandeling() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
