-- Vergaderingen: the Sturingsoverleg and the Platform meetings as records (issue 17).
--
--   hkd.vergaderingen            one meeting: type, date, place, status, version (optimistic concurrency), the
--                                secretary's current agenda item (followed live by every open screen)
--   hkd.vergadering_deelnemers   attendees: organisations, persons by role only (never a name)
--   hkd.agendapunten             agenda items: source + stable key, title, reasons, order, status, hamerstuk
--   hkd.vergadering_besluiten    the besluitenlijst (append-only); a fase decision links hkd.fase_besluiten
--   hkd.vergadering_acties       action items: owner organisation, deadline, status (open until done)
--
-- HKD (hkd_beheer) reads and writes; providers (hkd_aanbieder) read only decisions (and agenda items) about their
-- own locations (row-level security) and the date/type of meetings; no actions, no attendees; the public nothing.

CREATE TABLE hkd.vergaderingen (
    id              bigserial PRIMARY KEY,
    soort           text NOT NULL CHECK (soort IN ('sturingsoverleg', 'platform')),
    datum           date NOT NULL,
    plaats          text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'in_voorbereiding'
                    CHECK (status IN ('in_voorbereiding', 'vastgesteld', 'gehouden', 'verslag_verstuurd')),
    versie          integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
    huidig_punt_id  bigint,
    voorzitter      text,
    aangemaakt_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (soort, datum)
);
CREATE INDEX vergaderingen_soort_datum ON hkd.vergaderingen (soort, datum);

CREATE TABLE hkd.vergadering_deelnemers (
    id             bigserial PRIMARY KEY,
    vergadering_id bigint NOT NULL REFERENCES hkd.vergaderingen (id),
    organisatie    text NOT NULL CHECK (btrim(organisatie) <> ''),
    rol            text NOT NULL DEFAULT '' ,
    aanwezig       boolean NOT NULL DEFAULT true,
    UNIQUE (vergadering_id, organisatie, rol)
);

CREATE TABLE hkd.agendapunten (
    id             bigserial PRIMARY KEY,
    vergadering_id bigint NOT NULL REFERENCES hkd.vergaderingen (id),
    bron           text NOT NULL CHECK (bron ~ '^[a-z_]+$'),
    sleutel        text NOT NULL CHECK (btrim(sleutel) <> ''),
    titel          text NOT NULL CHECK (btrim(titel) <> ''),
    redenen        text[] NOT NULL DEFAULT '{}',
    gewicht        integer NOT NULL DEFAULT 0,
    volgorde       integer NOT NULL,
    status         text NOT NULL DEFAULT 'voorgesteld'
                   CHECK (status IN ('voorgesteld', 'aanvaard', 'reserve', 'verwijderd')),
    hamerstuk      boolean NOT NULL DEFAULT false,
    handmatig      boolean NOT NULL DEFAULT false,
    tekst          text NOT NULL DEFAULT '',
    locatie_id     integer REFERENCES hkd.locaties (id),
    UNIQUE (vergadering_id, bron, sleutel)
);
CREATE INDEX agendapunten_vergadering ON hkd.agendapunten (vergadering_id, volgorde);
ALTER TABLE hkd.vergaderingen
    ADD CONSTRAINT vergaderingen_huidig_punt FOREIGN KEY (huidig_punt_id) REFERENCES hkd.agendapunten (id);

CREATE TABLE hkd.vergadering_besluiten (
    id              bigserial PRIMARY KEY,
    vergadering_id  bigint NOT NULL REFERENCES hkd.vergaderingen (id),
    agendapunt_id   bigint REFERENCES hkd.agendapunten (id),
    soort           text NOT NULL CHECK (soort IN ('fase', 'beheer', 'vrij', 'advies', 'goedkeuring')),
    tekst           text NOT NULL CHECK (btrim(tekst) <> ''),
    fase_besluit_id bigint UNIQUE REFERENCES hkd.fase_besluiten (id),
    locatie_id      integer REFERENCES hkd.locaties (id),
    aanbieder_id    integer REFERENCES hkd.aanbieders (id),
    vastgelegd_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (soort <> 'fase' OR fase_besluit_id IS NOT NULL)
);
CREATE INDEX vergadering_besluiten_vergadering ON hkd.vergadering_besluiten (vergadering_id, id);

-- The provider of a decision follows from its location (or its fase decision's location) when not given.
CREATE FUNCTION hkd.vergadering_besluit_aanbieder() RETURNS trigger
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
CREATE TRIGGER vergadering_besluiten_aanbieder BEFORE INSERT ON hkd.vergadering_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.vergadering_besluit_aanbieder();
CREATE TRIGGER vergadering_besluiten_append_only BEFORE UPDATE OR DELETE ON hkd.vergadering_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER vergadering_besluiten_no_truncate BEFORE TRUNCATE ON hkd.vergadering_besluiten
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

CREATE TABLE hkd.vergadering_acties (
    id                bigserial PRIMARY KEY,
    vergadering_id    bigint NOT NULL REFERENCES hkd.vergaderingen (id),
    agendapunt_id     bigint REFERENCES hkd.agendapunten (id),
    omschrijving      text NOT NULL CHECK (btrim(omschrijving) <> ''),
    eigenaar          text NOT NULL CHECK (btrim(eigenaar) <> ''),
    deadline          date,
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gereed', 'vervallen')),
    afgehandeld_in_id bigint REFERENCES hkd.vergaderingen (id),
    locatie_id        integer REFERENCES hkd.locaties (id),
    vastgelegd_door   text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgelegd_op     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX vergadering_acties_open ON hkd.vergadering_acties (status, deadline);

-- Every write is audited.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.vergaderingen
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.vergadering_deelnemers
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.agendapunten
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.vergadering_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.vergadering_acties
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- Row-level security: agenda items, decisions and actions name locations of providers.
ALTER TABLE hkd.agendapunten ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.vergadering_besluiten ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.vergadering_acties ENABLE ROW LEVEL SECURITY;
CREATE POLICY beheer_alles ON hkd.agendapunten FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.vergadering_besluiten FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.vergadering_acties FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY aanbieder_eigen ON hkd.vergadering_besluiten FOR SELECT TO hkd_aanbieder
    USING (aanbieder_id = hkd.eigen_aanbieder_id());
CREATE POLICY aanbieder_eigen ON hkd.agendapunten FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));

-- HKD: the secretariaat prepares, runs and follows up meetings. Decisions append only.
GRANT SELECT, INSERT, UPDATE ON hkd.vergaderingen, hkd.agendapunten, hkd.vergadering_acties TO hkd_beheer;
GRANT SELECT, INSERT, UPDATE, DELETE ON hkd.vergadering_deelnemers TO hkd_beheer;
GRANT SELECT, INSERT ON hkd.vergadering_besluiten TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.vergaderingen_id_seq, hkd.vergadering_deelnemers_id_seq, hkd.agendapunten_id_seq,
                        hkd.vergadering_besluiten_id_seq, hkd.vergadering_acties_id_seq
    TO hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.vergadering_besluit_aanbieder() TO hkd_beheer;

-- Providers: their own decisions and the agenda items about their own locations (RLS), and which meeting took
-- them (type and date only).
GRANT SELECT ON hkd.vergadering_besluiten, hkd.agendapunten TO hkd_aanbieder;
GRANT SELECT (id, soort, datum, status) ON hkd.vergaderingen TO hkd_aanbieder;
