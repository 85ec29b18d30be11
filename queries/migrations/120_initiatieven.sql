-- Nieuwe initiatieven (issue 12): the stappenplan from aanmelding to a running location, saved draagkrachtscans,
-- provider proposals that HKD approves or rejects. The steps and transitions are data, equal to
-- core/domain.py OVERGANGEN (a test keeps them equal); the database refuses an illegal step by itself.
--
-- Layers: hkd_beheer reads and appends everything; hkd_aanbieder inserts and reads only its own initiatives,
-- candidates and proposals (row-level security on hkd.eigen_aanbieder_id()), reads its own steps and decisions,
-- never a saved scan (it lists other providers' addresses) and writes no fact table; hkd_publiek gets nothing.

-- The stappenplan as data ---------------------------------------------------------------------------------------
CREATE TABLE hkd.stappen (
    code     text PRIMARY KEY,
    naam     text NOT NULL,
    volgorde integer NOT NULL UNIQUE,
    eind     boolean NOT NULL DEFAULT false
);
INSERT INTO hkd.stappen (code, naam, volgorde, eind) VALUES
    ('aangemeld', 'Aangemeld', 1, false),
    ('draagkrachtscan', 'Draagkrachtscan', 2, false),
    ('bespreking', 'Bespreking in het Sturingsoverleg', 3, false),
    ('advies', 'Advies', 4, false),
    ('collegebesluit', 'Collegebesluit', 5, false),
    ('ruimtelijke_procedure', 'Ruimtelijke procedure (leidend)', 6, false),
    ('beheerafspraken', 'Beheerafspraken vastgelegd', 7, false),
    ('gerealiseerd', 'Gerealiseerd', 8, true),
    ('ingetrokken', 'Ingetrokken', 9, true),
    ('afgewezen', 'Afgewezen', 10, true);

-- Conditions: NULL = any; college = the woonvorm needs a collegebesluit; ruimtelijk = ruimtelijke procedure
-- leidend; negatief = the latest advice was negatief.
CREATE TABLE hkd.stap_overgangen (
    van        text NOT NULL REFERENCES hkd.stappen (code),
    naar       text NOT NULL REFERENCES hkd.stappen (code),
    college    boolean,
    ruimtelijk boolean,
    negatief   boolean
);
-- (a primary key column cannot be NULL: a unique index over the coalesced conditions instead)
CREATE UNIQUE INDEX stap_overgangen_uniek ON hkd.stap_overgangen
    (van, naar, coalesce(college::text, '*'), coalesce(ruimtelijk::text, '*'), coalesce(negatief::text, '*'));
INSERT INTO hkd.stap_overgangen (van, naar, college, ruimtelijk, negatief) VALUES
    ('aangemeld', 'draagkrachtscan', NULL, NULL, NULL),
    ('draagkrachtscan', 'bespreking', NULL, NULL, NULL),
    ('bespreking', 'advies', NULL, NULL, NULL),
    ('advies', 'afgewezen', NULL, NULL, true),
    ('advies', 'collegebesluit', true, NULL, false),
    ('advies', 'ruimtelijke_procedure', false, true, false),
    ('advies', 'beheerafspraken', false, false, false),
    ('collegebesluit', 'ruimtelijke_procedure', NULL, true, NULL),
    ('collegebesluit', 'beheerafspraken', NULL, false, NULL),
    ('collegebesluit', 'afgewezen', NULL, NULL, NULL),
    ('ruimtelijke_procedure', 'beheerafspraken', NULL, NULL, NULL),
    ('ruimtelijke_procedure', 'afgewezen', NULL, NULL, NULL),
    ('beheerafspraken', 'gerealiseerd', NULL, NULL, NULL),
    ('aangemeld', 'ingetrokken', NULL, NULL, NULL),
    ('draagkrachtscan', 'ingetrokken', NULL, NULL, NULL),
    ('bespreking', 'ingetrokken', NULL, NULL, NULL),
    ('advies', 'ingetrokken', NULL, NULL, NULL),
    ('collegebesluit', 'ingetrokken', NULL, NULL, NULL),
    ('ruimtelijke_procedure', 'ingetrokken', NULL, NULL, NULL),
    ('beheerafspraken', 'ingetrokken', NULL, NULL, NULL);

-- Only for beschermd wonen and opvang the college decides separately (seed 001).
CREATE TABLE hkd.collegebesluit_woonvormen (
    woonvorm text PRIMARY KEY REFERENCES hkd.woonvormen (code)
);
INSERT INTO hkd.collegebesluit_woonvormen VALUES ('beschermd_wonen'), ('opvang');

-- Initiatives ---------------------------------------------------------------------------------------------------
-- The contact is a role and a functional channel (e.g. "teamleider", "aanmeldingen@alfa.example"): no more
-- personal data than the work needs.
CREATE TABLE hkd.initiatieven (
    id                    bigserial PRIMARY KEY,
    aanbieder_id          integer NOT NULL REFERENCES hkd.aanbieders (id),
    naam                  text NOT NULL CHECK (btrim(naam) <> '' AND length(naam) <= 200),
    woonvorm              text NOT NULL REFERENCES hkd.woonvormen (code),
    doelgroep             text NOT NULL CHECK (btrim(doelgroep) <> '' AND length(doelgroep) <= 200),
    plaatsen              integer NOT NULL CHECK (plaatsen BETWEEN 1 AND 500),
    startdatum            date,
    contact_rol           text NOT NULL CHECK (btrim(contact_rol) <> '' AND length(contact_rol) <= 120),
    contact_kanaal        text NOT NULL DEFAULT '' CHECK (length(contact_kanaal) <= 200),
    context               text NOT NULL DEFAULT '' CHECK (length(context) <= 5000),
    ruimtelijke_procedure boolean NOT NULL DEFAULT false,
    ingediend_door        text NOT NULL DEFAULT hkd.current_gebruiker(),
    ingediend_op          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiatieven_aanbieder ON hkd.initiatieven (aanbieder_id);

CREATE TABLE hkd.initiatief_kandidaten (
    id            bigserial PRIMARY KEY,
    initiatief_id bigint NOT NULL REFERENCES hkd.initiatieven (id),
    omschrijving  text NOT NULL CHECK (btrim(omschrijving) <> '' AND length(omschrijving) <= 200),
    bron          text NOT NULL CHECK (bron IN ('adres', 'kaart', 'coördinaten')),
    geom          geometry(Point, 28992) NOT NULL,
    buurt_code    text,
    gebied_code   text,
    toegevoegd_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    toegevoegd_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiatief_kandidaten_initiatief ON hkd.initiatief_kandidaten (initiatief_id);
CREATE INDEX initiatief_kandidaten_geom ON hkd.initiatief_kandidaten USING gist (geom);

-- A candidate lies inside the municipality; its buurt and wijk are derived, never typed. SECURITY DEFINER: the
-- provider role may not read the boundaries table itself.
CREATE FUNCTION hkd.kandidaat_derive() RETURNS trigger
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
CREATE TRIGGER kandidaat_derive BEFORE INSERT ON hkd.initiatief_kandidaten
    FOR EACH ROW EXECUTE FUNCTION hkd.kandidaat_derive();
CREATE TRIGGER kandidaten_append_only BEFORE UPDATE OR DELETE ON hkd.initiatief_kandidaten
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER kandidaten_no_truncate BEFORE TRUNCATE ON hkd.initiatief_kandidaten
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- The step history: append-only like the fase decisions ---------------------------------------------------------
CREATE TABLE hkd.initiatief_stappen (
    id              bigserial PRIMARY KEY,
    initiatief_id   bigint NOT NULL REFERENCES hkd.initiatieven (id),
    stap            text NOT NULL REFERENCES hkd.stappen (code),
    datum           date NOT NULL,
    reden           text NOT NULL CHECK (btrim(reden) <> '' AND length(reden) <= 5000),
    advies          text CHECK (advies IN ('positief', 'voorwaardelijk', 'negatief')),
    voorwaarden     text NOT NULL DEFAULT '' CHECK (length(voorwaarden) <= 5000),
    fase            text CHECK (fase IN ('0', '1', '2', '3a', '3b')),  -- the fase the advice sets at the start
    overleg_datum   date,
    locatie_id      integer REFERENCES hkd.locaties (id),
    vastgelegd_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op   timestamptz NOT NULL DEFAULT now(),
    CHECK ((stap = 'advies') = (advies IS NOT NULL)),
    CHECK (advies IS DISTINCT FROM 'voorwaardelijk' OR btrim(voorwaarden) <> ''),
    CHECK (advies IS NULL OR advies = 'negatief' OR fase IS NOT NULL),
    CHECK ((stap = 'gerealiseerd') = (locatie_id IS NOT NULL))
);
CREATE INDEX initiatief_stappen_initiatief ON hkd.initiatief_stappen (initiatief_id, id);

-- Refuse a step the stappenplan does not allow after the current one (same rule as geo/stappenplan.py).
CREATE FUNCTION hkd.stap_controleren() RETURNS trigger
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
CREATE TRIGGER stap_controleren BEFORE INSERT ON hkd.initiatief_stappen
    FOR EACH ROW EXECUTE FUNCTION hkd.stap_controleren();
CREATE TRIGGER initiatief_stappen_append_only BEFORE UPDATE OR DELETE ON hkd.initiatief_stappen
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER initiatief_stappen_no_truncate BEFORE TRUNCATE ON hkd.initiatief_stappen
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- Submitting an initiative is its first step: written here, so a provider needs no write on the step history.
CREATE FUNCTION hkd.initiatief_aangemeld() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hkd, public AS $$
BEGIN
    INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)
    VALUES (NEW.id, 'aangemeld', (NEW.ingediend_op AT TIME ZONE 'Europe/Amsterdam')::date, 'Ingediend');
    RETURN NULL;
END $$;
CREATE FUNCTION hkd.initiatief_indiener() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.ingediend_door := hkd.current_gebruiker();
    RETURN NEW;
END $$;
CREATE TRIGGER initiatief_indiener BEFORE INSERT ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.initiatief_indiener();
CREATE TRIGGER initiatief_aangemeld AFTER INSERT ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.initiatief_aangemeld();
CREATE TRIGGER initiatieven_no_delete BEFORE DELETE ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER initiatieven_no_truncate BEFORE TRUNCATE ON hkd.initiatieven
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- Where each initiative stands: its latest step (row-level security of the caller applies).
CREATE VIEW hkd.initiatief_stand WITH (security_invoker = true) AS
SELECT DISTINCT ON (s.initiatief_id) s.initiatief_id, s.stap, s.datum AS sinds, s.id AS stap_id
FROM hkd.initiatief_stappen s
ORDER BY s.initiatief_id, s.id DESC;

-- Saved scans: every input and the result as shown, the PDF archived; append-only --------------------------------
CREATE TABLE hkd.scans (
    id             bigserial PRIMARY KEY,
    initiatief_id  bigint NOT NULL REFERENCES hkd.initiatieven (id),
    kandidaat_id   bigint NOT NULL REFERENCES hkd.initiatief_kandidaten (id),
    invoer         jsonb NOT NULL,   -- point, woonvorm, places, rings, normring, norms
    normen_versie  text NOT NULL,    -- hash of the norms and rings (geo.scan_archief.normen_versie)
    data_datum     date NOT NULL,    -- the date the data was read for
    grensset       text NOT NULL,    -- hkd.geografie.omschrijving at the time
    resultaat      jsonb NOT NULL,   -- geo.scan_archief.naar_json(ScanResultaat) incl. the judged criteria
    pdf            bytea,
    vastgelegd_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scans_initiatief ON hkd.scans (initiatief_id, kandidaat_id, id);
CREATE TRIGGER scans_append_only BEFORE UPDATE OR DELETE ON hkd.scans
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER scans_no_truncate BEFORE TRUNCATE ON hkd.scans
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- Who recorded a row is whoever the application names for this transaction, never a value the caller chooses.
CREATE FUNCTION hkd.vastgelegd_door_zetten() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.vastgelegd_door := hkd.current_gebruiker();
    NEW.vastgelegd_op := now();
    RETURN NEW;
END $$;
CREATE TRIGGER scans_door BEFORE INSERT ON hkd.scans
    FOR EACH ROW EXECUTE FUNCTION hkd.vastgelegd_door_zetten();

-- The audit entry of a saved scan names the scan, not its PDF and full result (those stay in hkd.scans).
CREATE FUNCTION hkd.audit_scan() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rol text := coalesce(nullif(current_setting('role', true), 'none'), session_user::text);
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), rol, TG_OP, TG_TABLE_NAME, NEW.id::text,
            to_jsonb(NEW) - 'pdf' - 'resultaat' - 'invoer');
    RETURN NULL;
END $$;
CREATE TRIGGER audit AFTER INSERT ON hkd.scans FOR EACH ROW EXECUTE FUNCTION hkd.audit_scan();

-- Provider proposals: a proposal is not a fact -----------------------------------------------------------------
CREATE TABLE hkd.voorstellen (
    id             bigserial PRIMARY KEY,
    aanbieder_id   integer NOT NULL REFERENCES hkd.aanbieders (id),
    locatie_id     integer NOT NULL REFERENCES hkd.locaties (id),
    soort          text NOT NULL CHECK (soort IN ('beheercommissie', 'beheerconvenant', 'meldingenregister',
                                                  'plaatsen')),
    datum          date NOT NULL,     -- commissie met / convenant signed / register kept since / places from
    plaatsen       integer CHECK (plaatsen BETWEEN 0 AND 500),
    toelichting    text NOT NULL DEFAULT '' CHECK (length(toelichting) <= 2000),
    ingediend_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    ingediend_op   timestamptz NOT NULL DEFAULT now(),
    CHECK ((soort = 'plaatsen') = (plaatsen IS NOT NULL))
);
CREATE INDEX voorstellen_aanbieder ON hkd.voorstellen (aanbieder_id, id);
CREATE TRIGGER voorstellen_indiener BEFORE INSERT ON hkd.voorstellen
    FOR EACH ROW EXECUTE FUNCTION hkd.initiatief_indiener();
CREATE TRIGGER voorstellen_append_only BEFORE UPDATE OR DELETE ON hkd.voorstellen
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER voorstellen_no_truncate BEFORE TRUNCATE ON hkd.voorstellen
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- HKD's decision on a proposal: at most one per proposal; an approval points at the fact it appended.
CREATE TABLE hkd.voorstel_besluiten (
    id               bigserial PRIMARY KEY,
    voorstel_id      bigint NOT NULL UNIQUE REFERENCES hkd.voorstellen (id),
    goedgekeurd      boolean NOT NULL,
    reden            text NOT NULL CHECK (btrim(reden) <> '' AND length(reden) <= 2000),
    overleg_datum    date,
    beheer_status_id bigint REFERENCES hkd.beheer_status (id),
    vastgelegd_door  text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER voorstel_besluiten_door BEFORE INSERT ON hkd.voorstel_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.vastgelegd_door_zetten();
CREATE TRIGGER voorstel_besluiten_append_only BEFORE UPDATE OR DELETE ON hkd.voorstel_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER voorstel_besluiten_no_truncate BEFORE TRUNCATE ON hkd.voorstel_besluiten
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- The fact an approval appends points back at the proposal.
ALTER TABLE hkd.beheer_status ADD COLUMN voorstel_id bigint REFERENCES hkd.voorstellen (id);
CREATE UNIQUE INDEX beheer_status_voorstel ON hkd.beheer_status (voorstel_id) WHERE voorstel_id IS NOT NULL;

-- Approve or reject a proposal in one step (runs with the caller's rights: only hkd_beheer may write the facts).
-- An approval of beheercommissie / beheerconvenant / meldingenregister appends exactly one hkd.beheer_status row
-- (the stand on the proposal's date with the proposed change); an approval of plaatsen changes the location's
-- places (audited) and records the decision. Returns the decision's id.
CREATE FUNCTION hkd.voorstel_beoordelen(p_voorstel bigint, p_goedgekeurd boolean, p_reden text, p_overleg date)
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
REVOKE EXECUTE ON FUNCTION hkd.voorstel_beoordelen(bigint, boolean, text, date) FROM PUBLIC;

-- Audit every write --------------------------------------------------------------------------------------------
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.initiatieven FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.initiatief_kandidaten
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.initiatief_stappen
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.voorstellen FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.voorstel_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- Row-level security ---------------------------------------------------------------------------------------------
ALTER TABLE hkd.initiatieven ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.initiatief_kandidaten ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.initiatief_stappen ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.scans ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.voorstellen ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.voorstel_besluiten ENABLE ROW LEVEL SECURITY;

CREATE POLICY aanbieder_eigen ON hkd.initiatieven FOR SELECT TO hkd_aanbieder
    USING (aanbieder_id = hkd.eigen_aanbieder_id());
CREATE POLICY aanbieder_indienen ON hkd.initiatieven FOR INSERT TO hkd_aanbieder
    WITH CHECK (aanbieder_id = hkd.eigen_aanbieder_id());
CREATE POLICY aanbieder_eigen ON hkd.initiatief_kandidaten FOR SELECT TO hkd_aanbieder
    USING (initiatief_id IN (SELECT i.id FROM hkd.initiatieven i WHERE i.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_indienen ON hkd.initiatief_kandidaten FOR INSERT TO hkd_aanbieder
    WITH CHECK (initiatief_id IN (SELECT i.id FROM hkd.initiatieven i
                                  WHERE i.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen ON hkd.initiatief_stappen FOR SELECT TO hkd_aanbieder
    USING (initiatief_id IN (SELECT i.id FROM hkd.initiatieven i WHERE i.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen ON hkd.voorstellen FOR SELECT TO hkd_aanbieder
    USING (aanbieder_id = hkd.eigen_aanbieder_id());
CREATE POLICY aanbieder_indienen ON hkd.voorstellen FOR INSERT TO hkd_aanbieder
    WITH CHECK (aanbieder_id = hkd.eigen_aanbieder_id()
                AND locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen ON hkd.voorstel_besluiten FOR SELECT TO hkd_aanbieder
    USING (voorstel_id IN (SELECT v.id FROM hkd.voorstellen v WHERE v.aanbieder_id = hkd.eigen_aanbieder_id()));

CREATE POLICY beheer_alles ON hkd.initiatieven FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.initiatief_kandidaten FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.initiatief_stappen FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.scans FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.voorstellen FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.voorstel_besluiten FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);

-- Grants (deny by default; hkd_publiek gets nothing of this) ------------------------------------------------------
GRANT SELECT ON hkd.stappen, hkd.stap_overgangen, hkd.collegebesluit_woonvormen, hkd.initiatief_stand
    TO hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.initiatieven, hkd.initiatief_kandidaten, hkd.initiatief_stappen, hkd.voorstellen,
                hkd.voorstel_besluiten
    TO hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.scans TO hkd_beheer;
GRANT INSERT (aanbieder_id, naam, woonvorm, doelgroep, plaatsen, startdatum, contact_rol, contact_kanaal, context,
              ruimtelijke_procedure)
    ON hkd.initiatieven TO hkd_aanbieder, hkd_beheer;
GRANT UPDATE (ruimtelijke_procedure) ON hkd.initiatieven TO hkd_beheer;
GRANT INSERT (initiatief_id, omschrijving, bron, geom) ON hkd.initiatief_kandidaten TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (aanbieder_id, locatie_id, soort, datum, plaatsen, toelichting) ON hkd.voorstellen TO hkd_aanbieder;
GRANT INSERT (initiatief_id, stap, datum, reden, advies, voorwaarden, fase, overleg_datum, locatie_id)
    ON hkd.initiatief_stappen TO hkd_beheer;
GRANT INSERT (initiatief_id, kandidaat_id, invoer, normen_versie, data_datum, grensset, resultaat, pdf)
    ON hkd.scans TO hkd_beheer;
GRANT INSERT (voorstel_id, goedgekeurd, reden, overleg_datum, beheer_status_id) ON hkd.voorstel_besluiten
    TO hkd_beheer;
GRANT INSERT (voorstel_id) ON hkd.beheer_status TO hkd_beheer;
GRANT UPDATE (plaatsen) ON hkd.locaties TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.initiatieven_id_seq, hkd.initiatief_kandidaten_id_seq TO hkd_aanbieder, hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.voorstellen_id_seq TO hkd_aanbieder;
GRANT USAGE ON SEQUENCE hkd.initiatief_stappen_id_seq, hkd.scans_id_seq, hkd.voorstel_besluiten_id_seq
    TO hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.voorstel_beoordelen(bigint, boolean, text, date) TO hkd_beheer;
