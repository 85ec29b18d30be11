-- Issue 23: hkd.meldingen and hkd.initiatieven refuse changes, also by their owner, like the other append-only
-- tables (a trigger, which holds for every role; the grants already held for the layers).
--
-- hkd.meldingen: no DELETE. An UPDATE may change only the handling (afgehandeld_op, afhandeling,
--   melder_tevreden): the app records how a melding was handled, and a Signalen import refreshes it. Every other
--   column is what was reported and stays; the audit log keeps every version of the handling.
-- hkd.initiatieven: no DELETE (migration 120). An UPDATE may change only ruimtelijke_procedure, and that only with
--   a row in hkd.initiatief_ruimtelijk (migration 191); what was submitted stays.

CREATE FUNCTION hkd.alleen_afhandeling() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'afgehandeld_op' - 'afhandeling' - 'melder_tevreden')
       IS DISTINCT FROM (to_jsonb(OLD) - 'afgehandeld_op' - 'afhandeling' - 'melder_tevreden') THEN
        RAISE EXCEPTION 'een melding is alleen-toevoegen: alleen de afhandeling kan nog worden vastgelegd'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
-- named to fire before meldingen_controle (triggers of one event fire in name order)
CREATE TRIGGER meldingen_alleen_afhandeling BEFORE UPDATE ON hkd.meldingen
    FOR EACH ROW EXECUTE FUNCTION hkd.alleen_afhandeling();
CREATE TRIGGER meldingen_no_delete BEFORE DELETE ON hkd.meldingen
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();

CREATE FUNCTION hkd.alleen_ruimtelijk() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'ruimtelijke_procedure') IS DISTINCT FROM (to_jsonb(OLD) - 'ruimtelijke_procedure') THEN
        RAISE EXCEPTION 'een initiatief is alleen-toevoegen: wat is ingediend blijft staan (een wijziging is een '
                        'nieuwe stap of een regel in de historie)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER initiatieven_alleen_ruimtelijk BEFORE UPDATE ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.alleen_ruimtelijk();
