-- Beheercommissie meetings, verbeterplan actions (fase 3a), extra inzet (fase 3b) and the planning of the
-- inventory's actions. All four are append-only histories like hkd.fase_besluiten: a correction or a status change
-- is a new row. Providers read the rows of their own locations and record their own commissie meetings; HKD all;
-- the public layer nothing.

CREATE TABLE hkd.commissie_vergaderingen (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    datum           date NOT NULL,
    aanwezig        text[] NOT NULL CHECK (cardinality(aanwezig) >= 1 AND aanwezig <@ ARRAY[
                        'aanbieder', 'gemeente', 'politie', 'omwonenden', 'woningcorporatie', 'wijkteam',
                        'anders']::text[]),
    verslag         text NOT NULL DEFAULT '' CHECK (char_length(verslag) <= 200),
    vastgelegd_door text NOT NULL,
    vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commissie_vergaderingen_locatie ON hkd.commissie_vergaderingen (locatie_id, datum);

CREATE TABLE hkd.verbeteracties (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    actie           text NOT NULL CHECK (btrim(actie) <> '' AND char_length(actie) <= 300),
    eigenaar        text NOT NULL CHECK (eigenaar IN ('aanbieder', 'gemeente', 'politie', 'woningcorporatie',
                                                      'wijkteam', 'anders')),
    deadline        date NOT NULL,
    status          text NOT NULL CHECK (status IN ('open', 'loopt', 'gereed', 'vervallen')),
    -- a status change or correction is a new row that replaces an earlier one of the same location
    vervangt_id     bigint UNIQUE REFERENCES hkd.verbeteracties (id),
    vastgelegd_door text NOT NULL,
    vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verbeteracties_locatie ON hkd.verbeteracties (locatie_id, deadline);

CREATE TABLE hkd.extra_inzet (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    maatregel       text NOT NULL CHECK (maatregel IN ('boa', 'politie', 'camera', 'anders')),
    van             date NOT NULL,
    tot             date CHECK (tot >= van),
    toelichting     text NOT NULL DEFAULT '' CHECK (char_length(toelichting) <= 300),
    corrigeert_id   bigint REFERENCES hkd.extra_inzet (id),
    vastgelegd_door text NOT NULL,
    vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX extra_inzet_locatie ON hkd.extra_inzet (locatie_id, van);

-- Priority and target date of the inventory's actions: (re)start a commissie, update a convenant.
CREATE TABLE hkd.planning_acties (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    soort           text NOT NULL CHECK (soort IN ('commissie', 'convenant')),
    prioriteit      integer NOT NULL CHECK (prioriteit BETWEEN 1 AND 3),
    streefdatum     date NOT NULL,
    vastgelegd_door text NOT NULL,
    vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX planning_acties_locatie ON hkd.planning_acties (locatie_id, soort, id);

-- The recorder is whoever the application names for this transaction.
CREATE OR REPLACE FUNCTION hkd.vastgelegd_door_zetten() RETURNS trigger  -- also defined by 120 (same body)
LANGUAGE plpgsql AS $$
BEGIN
    NEW.vastgelegd_door := hkd.current_gebruiker();
    NEW.vastgelegd_op := now();
    RETURN NEW;
END $$;

CREATE FUNCTION hkd.niet_in_toekomst() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.datum > current_date THEN
        RAISE EXCEPTION 'vergadering op % ligt in de toekomst', NEW.datum USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER niet_in_toekomst BEFORE INSERT ON hkd.commissie_vergaderingen
    FOR EACH ROW EXECUTE FUNCTION hkd.niet_in_toekomst();

DO $$
DECLARE
    t text;
    eigen text := 'locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id())';
BEGIN
    FOREACH t IN ARRAY ARRAY['commissie_vergaderingen', 'verbeteracties', 'extra_inzet', 'planning_acties'] LOOP
        EXECUTE format('CREATE TRIGGER vastgelegd_door BEFORE INSERT ON hkd.%I
                        FOR EACH ROW EXECUTE FUNCTION hkd.vastgelegd_door_zetten()', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON hkd.%I
                        FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change()', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON hkd.%I
                        FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change()', t || '_no_truncate', t);
        EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.%I
                        FOR EACH ROW EXECUTE FUNCTION hkd.audit()', t);
        EXECUTE format('ALTER TABLE hkd.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY aanbieder_eigen ON hkd.%I FOR SELECT TO hkd_aanbieder USING (%s)', t, eigen);
        EXECUTE format('CREATE POLICY beheer_alles ON hkd.%I FOR ALL TO hkd_beheer USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT ON hkd.%I TO hkd_aanbieder, hkd_beheer', t);
        EXECUTE format('GRANT INSERT ON hkd.%I TO hkd_beheer', t);
        EXECUTE format('GRANT USAGE ON SEQUENCE hkd.%I TO hkd_beheer', t || '_id_seq');
    END LOOP;
END $$;

-- A provider records the meetings of its own locations' commissies.
CREATE POLICY aanbieder_eigen_nieuw ON hkd.commissie_vergaderingen FOR INSERT TO hkd_aanbieder
    WITH CHECK (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
GRANT INSERT (locatie_id, datum, aanwezig, verslag) ON hkd.commissie_vergaderingen TO hkd_aanbieder;
GRANT USAGE ON SEQUENCE hkd.commissie_vergaderingen_id_seq TO hkd_aanbieder;
