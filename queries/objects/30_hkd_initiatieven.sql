-- New initiatives (stappenplan), scans, proposals and the spatial procedure.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- A candidate lies inside the municipality; its buurt and wijk are derived, never typed. SECURITY DEFINER: the
-- provider role may not read the boundaries table itself.
CREATE OR REPLACE FUNCTION hkd.kandidaat_derive() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente')
       AND NOT EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente' AND ST_Intersects(geom, NEW.geom)) THEN
        RAISE EXCEPTION 'het kandidaatadres ligt buiten de gemeente' USING ERRCODE = 'check_violation';
    END IF;
    NEW.buurt_code := hkd.area_code_at(NEW.geom, 'buurt');
    NEW.gebied_code := hkd.area_code_at(NEW.geom, 'gebied');
    NEW.toegevoegd_door := hkd.current_gebruiker();
    NEW.toegevoegd_op := now();
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.kandidaat_derive() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Refuse a step the stappenplan does not allow after the current one (same rule as geo/stappenplan.py).
CREATE OR REPLACE FUNCTION hkd.stap_controleren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
DECLARE
    ini hkd.initiatieven%ROWTYPE;
    vorige text;
    laatste_advies text;
    v_college boolean;
BEGIN
    -- one step at a time per initiative: two people recording at once are serialised here
    SELECT * INTO ini FROM hkd.initiatieven WHERE id = NEW.initiatief_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'onbekend initiatief %', NEW.initiatief_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    NEW.vastgelegd_door := hkd.current_gebruiker();
    NEW.vastgelegd_op := now();
    SELECT stap INTO vorige FROM hkd.initiatief_stappen WHERE initiatief_id = NEW.initiatief_id
        ORDER BY id DESC LIMIT 1;
    IF vorige IS NULL THEN
        IF NEW.stap <> 'aangemeld' THEN
            RAISE EXCEPTION 'een initiatief begint met de stap aangemeld' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    SELECT advies INTO laatste_advies FROM hkd.initiatief_stappen
        WHERE initiatief_id = NEW.initiatief_id AND stap = 'advies' ORDER BY id DESC LIMIT 1;
    v_college := EXISTS (SELECT 1 FROM hkd.collegebesluit_woonvormen c WHERE c.woonvorm = ini.woonvorm);
    IF NOT EXISTS (
        SELECT 1 FROM hkd.stap_overgangen o
        WHERE o.van = vorige AND o.naar = NEW.stap
          AND (o.college IS NULL OR o.college = v_college)
          AND (o.ruimtelijk IS NULL OR o.ruimtelijk = ini.ruimtelijke_procedure)
          AND (o.negatief IS NULL OR o.negatief = (laatste_advies IS NOT DISTINCT FROM 'negatief'))
    ) THEN
        RAISE EXCEPTION 'stap % na % is niet toegestaan in het stappenplan', NEW.stap, vorige
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.stap_controleren() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Submitting an initiative is its first step: written here, so a provider needs no write on the step history.
CREATE OR REPLACE FUNCTION hkd.initiatief_aangemeld() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)
    VALUES (NEW.id, 'aangemeld', (NEW.ingediend_op AT TIME ZONE 'Europe/Amsterdam')::date, 'Ingediend');
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.initiatief_aangemeld() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.initiatief_indiener() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.ingediend_door := hkd.current_gebruiker();
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.initiatief_indiener() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Where each initiative stands: its latest step (row-level security of the caller applies).
CREATE OR REPLACE VIEW hkd.initiatief_stand WITH (security_invoker = true) AS
SELECT DISTINCT ON (s.initiatief_id) s.initiatief_id, s.stap, s.datum AS sinds, s.id AS stap_id
FROM hkd.initiatief_stappen s
ORDER BY s.initiatief_id, s.id DESC;
REVOKE ALL ON hkd.initiatief_stand FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.initiatief_stand TO hkd_aanbieder, hkd_beheer;

-- The audit entry of a saved scan names the scan, not its PDF and full result (those stay in hkd.scans).
CREATE OR REPLACE FUNCTION hkd.audit_scan() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rol text := coalesce(nullif(current_setting('role', true), 'none'), session_user::text);
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), rol, TG_OP, TG_TABLE_NAME, NEW.id::text,
            to_jsonb(NEW) - 'pdf' - 'resultaat' - 'invoer');
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.audit_scan() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Approve or reject a proposal in one step (runs with the caller's rights: only hkd_beheer may write the facts).
-- An approval of beheercommissie / beheerconvenant / meldingenregister appends exactly one hkd.beheer_status row
-- (the stand on the proposal's date with the proposed change); an approval of plaatsen changes the location's
-- places (audited) and records the decision. Returns the decision's id.
CREATE OR REPLACE FUNCTION hkd.voorstel_beoordelen(p_voorstel bigint, p_goedgekeurd boolean, p_reden text, p_overleg date)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v hkd.voorstellen%ROWTYPE;
    s hkd.beheer_status%ROWTYPE;
    fact bigint;
    besluit bigint;
BEGIN
    SELECT * INTO v FROM hkd.voorstellen WHERE id = p_voorstel;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'onbekend voorstel %', p_voorstel USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM hkd.voorstel_besluiten WHERE voorstel_id = p_voorstel) THEN
        RAISE EXCEPTION 'over voorstel % is al besloten', p_voorstel USING ERRCODE = 'unique_violation';
    END IF;
    IF p_goedgekeurd AND v.soort <> 'plaatsen' THEN
        SELECT * INTO s FROM hkd.beheer_status WHERE locatie_id = v.locatie_id AND ingangsdatum <= v.datum
            ORDER BY ingangsdatum DESC, id DESC LIMIT 1;
        INSERT INTO hkd.beheer_status (locatie_id, ingangsdatum, beheercommissie, beheerconvenant, convenant_datum,
                                       meldingenregister, toelichting, overleg_datum, vastgelegd_door, voorstel_id)
        VALUES (v.locatie_id, v.datum,
                CASE WHEN v.soort = 'beheercommissie' THEN 'actief' ELSE coalesce(s.beheercommissie, 'afwezig') END,
                CASE WHEN v.soort = 'beheerconvenant' THEN 'actueel' ELSE coalesce(s.beheerconvenant, 'afwezig') END,
                CASE WHEN v.soort = 'beheerconvenant' THEN v.datum ELSE s.convenant_datum END,
                CASE WHEN v.soort = 'meldingenregister' THEN true ELSE coalesce(s.meldingenregister, false) END,
                'Goedgekeurd voorstel ' || v.id || ': ' || p_reden, p_overleg, hkd.current_gebruiker(), v.id)
        RETURNING id INTO fact;
    ELSIF p_goedgekeurd THEN
        UPDATE hkd.locaties SET plaatsen = v.plaatsen WHERE id = v.locatie_id;
    END IF;
    INSERT INTO hkd.voorstel_besluiten (voorstel_id, goedgekeurd, reden, overleg_datum, beheer_status_id)
    VALUES (p_voorstel, p_goedgekeurd, p_reden, p_overleg, fact)
    RETURNING id INTO besluit;
    RETURN besluit;
END $$;
REVOKE ALL ON FUNCTION hkd.voorstel_beoordelen(bigint,boolean,text,date) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.voorstel_beoordelen(bigint,boolean,text,date) TO hkd_beheer;

-- Check a change against the stappenplan and fill in what the caller does not choose.
CREATE OR REPLACE FUNCTION hkd.ruimtelijk_controleren() RETURNS trigger
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
REVOKE ALL ON FUNCTION hkd.ruimtelijk_controleren() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The change moves the current value (as the owner: HKD has no UPDATE on the column any more).
CREATE OR REPLACE FUNCTION hkd.ruimtelijk_doorvoeren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    UPDATE hkd.initiatieven SET ruimtelijke_procedure = NEW.ruimtelijke_procedure WHERE id = NEW.initiatief_id;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.ruimtelijk_doorvoeren() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The current value changes only with a history row saying so (also for the owner or a hand-written UPDATE).
CREATE OR REPLACE FUNCTION hkd.ruimtelijk_alleen_via_historie() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    IF (SELECT h.ruimtelijke_procedure FROM hkd.initiatief_ruimtelijk h WHERE h.initiatief_id = NEW.id
        ORDER BY h.id DESC LIMIT 1) IS DISTINCT FROM NEW.ruimtelijke_procedure THEN
        RAISE EXCEPTION 'de ruimtelijke procedure wijzigt alleen met een regel in hkd.initiatief_ruimtelijk '
                        '(datum, reden, wie)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.ruimtelijk_alleen_via_historie() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.alleen_ruimtelijk() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'ruimtelijke_procedure') IS DISTINCT FROM (to_jsonb(OLD) - 'ruimtelijke_procedure') THEN
        RAISE EXCEPTION 'een initiatief is alleen-toevoegen: wat is ingediend blijft staan (een wijziging is een '
                        'nieuwe stap of een regel in de historie)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.alleen_ruimtelijk() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Seed 001: every woonvorm except zelfstandig wonen goes through the joint route (migration 490 holds the list).
CREATE OR REPLACE FUNCTION hkd.initiatief_traject_controleren() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.woonvormen_zonder_traject z WHERE z.woonvorm = NEW.woonvorm) THEN
        RAISE EXCEPTION 'zelfstandig wonen doorloopt het stappenplan niet (convenant: gezamenlijk traject voor alle '
                        'woonvormen behalve zelfstandig wonen)' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.initiatief_traject_controleren() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
