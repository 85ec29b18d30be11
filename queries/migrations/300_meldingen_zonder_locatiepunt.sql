-- Issue 23: a melding no longer carries a copy of its facility's exact point. A melding belongs to a location
-- (locatie_id); where it happened is stored only when another system says so (a Signalen signal's own point, which
-- is where the reporter placed it, not a facility). The meldkaart and the ring counts take the location's point
-- through a join (under the caller's layer role: a provider sees its own locations and their meldingen only), so
-- nothing changes for them. Rows recorded by hand or from a file, and any row whose point equals its location's,
-- lose the copy.

ALTER TABLE hkd.meldingen ALTER COLUMN geom DROP NOT NULL;
COMMENT ON COLUMN hkd.meldingen.geom IS
  'Where the melding was made, only when the source system gives its own point (Signalen); NULL = at its location '
  '(take hkd.locaties.geom through locatie_id). Never a copy of the facility point.';

ALTER TABLE hkd.meldingen DISABLE TRIGGER audit;
ALTER TABLE hkd.meldingen DISABLE TRIGGER meldingen_controle;
UPDATE hkd.meldingen m SET geom = NULL
FROM hkd.locaties l
WHERE l.id = m.locatie_id AND m.geom IS NOT NULL AND (m.systeem <> 'signalen' OR m.geom ~= l.geom);
ALTER TABLE hkd.meldingen ENABLE TRIGGER meldingen_controle;
ALTER TABLE hkd.meldingen ENABLE TRIGGER audit;

-- The same checks as migration 130, without copying the location's point.
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
