-- The ruimtelijke-procedure flag may change after submission (an initiative turns out to be part of an area
-- development or sloop/nieuwbouw, or stops being so). HKD records each change with a date and a reason in an
-- append-only history; hkd.initiatieven.ruimtelijke_procedure keeps the current value, and only the history moves
-- it (a trigger refuses any other change), so the step trigger (hkd.stap_controleren) follows the new value at once.
-- The first change's `vorige` is the value given at submission.
--
-- A change is refused when the flag no longer decides anything: no transition that depends on it
-- (hkd.stap_overgangen.ruimtelijk) is reachable from the current step with this woonvorm and latest advice
-- (the same rule as geo.stappenplan.ruimtelijk_telt): in or past the procedure, beheerafspraken, after a negative
-- advice, and at an end step (gerealiseerd, ingetrokken, afgewezen).
--
-- Layers: hkd_beheer reads and appends; hkd_aanbieder reads the changes of its own initiatives and writes nothing;
-- hkd_publiek gets nothing. HKD no longer updates the column directly (the grant of migration 120 is revoked).

CREATE TABLE hkd.initiatief_ruimtelijk (
    id                    bigserial PRIMARY KEY,
    initiatief_id         bigint NOT NULL REFERENCES hkd.initiatieven (id),
    ruimtelijke_procedure boolean NOT NULL,              -- the value from this change on
    vorige                boolean NOT NULL,              -- the value before (set by the trigger)
    stap                  text NOT NULL REFERENCES hkd.stappen (code),  -- the step it stood in (set by the trigger)
    datum                 date NOT NULL,
    reden                 text NOT NULL CHECK (btrim(reden) <> '' AND length(reden) <= 2000),
    vastgelegd_door       text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op         timestamptz NOT NULL DEFAULT now(),
    CHECK (ruimtelijke_procedure <> vorige)
);
CREATE INDEX initiatief_ruimtelijk_initiatief ON hkd.initiatief_ruimtelijk (initiatief_id, id);

-- Check a change against the stappenplan and fill in what the caller does not choose.
CREATE FUNCTION hkd.ruimtelijk_controleren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
DECLARE
    ini hkd.initiatieven%ROWTYPE;
    huidige text;
    naam text;
    v_college boolean;
    v_negatief boolean;
    telt boolean;
BEGIN
    -- the same lock as a step: a change and a step on one initiative are serialised
    SELECT * INTO ini FROM hkd.initiatieven WHERE id = NEW.initiatief_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'onbekend initiatief %', NEW.initiatief_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT stap INTO huidige FROM hkd.initiatief_stappen WHERE initiatief_id = NEW.initiatief_id
        ORDER BY id DESC LIMIT 1;
    SELECT st.naam INTO naam FROM hkd.stappen st WHERE st.code = huidige;
    NEW.vorige := ini.ruimtelijke_procedure;
    NEW.stap := huidige;
    NEW.vastgelegd_door := hkd.current_gebruiker();
    NEW.vastgelegd_op := now();
    IF NEW.ruimtelijke_procedure = ini.ruimtelijke_procedure THEN
        RAISE EXCEPTION 'de ruimtelijke procedure is al %',
            CASE WHEN ini.ruimtelijke_procedure THEN 'leidend' ELSE 'niet leidend' END
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.datum > (now() AT TIME ZONE 'Europe/Amsterdam')::date
       OR NEW.datum < (ini.ingediend_op AT TIME ZONE 'Europe/Amsterdam')::date THEN
        RAISE EXCEPTION 'de datum van de wijziging ligt tussen de indiening en vandaag'
            USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM hkd.stappen WHERE code = huidige AND eind) THEN
        RAISE EXCEPTION 'het initiatief is %: de ruimtelijke procedure wijzigt niet meer', lower(naam)
            USING ERRCODE = 'check_violation';
    END IF;
    v_college := EXISTS (SELECT 1 FROM hkd.collegebesluit_woonvormen c WHERE c.woonvorm = ini.woonvorm);
    v_negatief := (SELECT advies FROM hkd.initiatief_stappen WHERE initiatief_id = NEW.initiatief_id
                   AND stap = 'advies' ORDER BY id DESC LIMIT 1) IS NOT DISTINCT FROM 'negatief';
    WITH RECURSIVE bereik(stap) AS (
        SELECT huidige
        UNION
        SELECT o.naar FROM hkd.stap_overgangen o JOIN bereik b ON o.van = b.stap
        WHERE (o.college IS NULL OR o.college = v_college) AND (o.negatief IS NULL OR o.negatief = v_negatief)
    )
    SELECT EXISTS (SELECT 1 FROM hkd.stap_overgangen o JOIN bereik b ON o.van = b.stap
                   WHERE o.ruimtelijk IS NOT NULL
                     AND (o.college IS NULL OR o.college = v_college)
                     AND (o.negatief IS NULL OR o.negatief = v_negatief))
    INTO telt;
    IF NOT telt THEN
        RAISE EXCEPTION 'het initiatief staat al bij ''%'': de ruimtelijke procedure bepaalt de volgende stappen '
                        'niet meer', naam USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ruimtelijk_controleren BEFORE INSERT ON hkd.initiatief_ruimtelijk
    FOR EACH ROW EXECUTE FUNCTION hkd.ruimtelijk_controleren();

-- The change moves the current value (as the owner: HKD has no UPDATE on the column any more).
CREATE FUNCTION hkd.ruimtelijk_doorvoeren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    UPDATE hkd.initiatieven SET ruimtelijke_procedure = NEW.ruimtelijke_procedure WHERE id = NEW.initiatief_id;
    RETURN NULL;
END $$;
CREATE TRIGGER ruimtelijk_doorvoeren AFTER INSERT ON hkd.initiatief_ruimtelijk
    FOR EACH ROW EXECUTE FUNCTION hkd.ruimtelijk_doorvoeren();

-- The current value changes only with a history row saying so (also for the owner or a hand-written UPDATE).
CREATE FUNCTION hkd.ruimtelijk_alleen_via_historie() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    IF (SELECT h.ruimtelijke_procedure FROM hkd.initiatief_ruimtelijk h WHERE h.initiatief_id = NEW.id
        ORDER BY h.id DESC LIMIT 1) IS DISTINCT FROM NEW.ruimtelijke_procedure THEN
        RAISE EXCEPTION 'de ruimtelijke procedure wijzigt alleen met een regel in hkd.initiatief_ruimtelijk '
                        '(datum, reden, wie)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ruimtelijk_alleen_via_historie BEFORE UPDATE OF ruimtelijke_procedure ON hkd.initiatieven
    FOR EACH ROW WHEN (OLD.ruimtelijke_procedure IS DISTINCT FROM NEW.ruimtelijke_procedure)
    EXECUTE FUNCTION hkd.ruimtelijk_alleen_via_historie();

CREATE TRIGGER initiatief_ruimtelijk_append_only BEFORE UPDATE OR DELETE ON hkd.initiatief_ruimtelijk
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER initiatief_ruimtelijk_no_truncate BEFORE TRUNCATE ON hkd.initiatief_ruimtelijk
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.initiatief_ruimtelijk
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

ALTER TABLE hkd.initiatief_ruimtelijk ENABLE ROW LEVEL SECURITY;
CREATE POLICY aanbieder_eigen ON hkd.initiatief_ruimtelijk FOR SELECT TO hkd_aanbieder
    USING (initiatief_id IN (SELECT i.id FROM hkd.initiatieven i WHERE i.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY beheer_alles ON hkd.initiatief_ruimtelijk FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);

REVOKE UPDATE (ruimtelijke_procedure) ON hkd.initiatieven FROM hkd_beheer;
GRANT SELECT ON hkd.initiatief_ruimtelijk TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (initiatief_id, ruimtelijke_procedure, datum, reden) ON hkd.initiatief_ruimtelijk TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.initiatief_ruimtelijk_id_seq TO hkd_beheer;
