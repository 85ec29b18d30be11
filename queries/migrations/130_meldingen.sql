-- Meldingenregister per location (beheerconvenant: "inclusief meldingenregister en meldkaart") and the norms the
-- Sturingsoverleg monitors it with. No personal data of reporters: no name, address, e-mail or phone column exists,
-- and the description is short. Providers record and read only the meldingen of their own locations; HKD all; the
-- public layer nothing (no grant, no view in schema publiek derived from this table).

-- Monitoring norms (one row; change with UPDATE as the owner). Mirrored by geo.meldingen.MeldingNormen defaults.
CREATE TABLE hkd.monitoring_normen (
    id                        boolean PRIMARY KEY DEFAULT true CHECK (id),
    afhandel_norm_dagen       integer NOT NULL DEFAULT 14 CHECK (afhandel_norm_dagen BETWEEN 1 AND 365),
    signaal_periode_maanden   integer NOT NULL DEFAULT 3 CHECK (signaal_periode_maanden BETWEEN 1 AND 24),
    signaal_min_meldingen     integer NOT NULL DEFAULT 8 CHECK (signaal_min_meldingen >= 1),
    signaal_min_buiten_norm   integer NOT NULL DEFAULT 3 CHECK (signaal_min_buiten_norm >= 1),
    ring_meters               integer[] NOT NULL DEFAULT '{100,250,500}'
                              CHECK (cardinality(ring_meters) BETWEEN 1 AND 5 AND 0 < ALL (ring_meters)
                                     AND 5000 >= ALL (ring_meters)),
    koppel_max_meters         integer NOT NULL DEFAULT 250 CHECK (koppel_max_meters BETWEEN 1 AND 2000),
    -- the beheercommissie's rhythm per fase: at most this many months between two meetings
    ritme_fase_0_maanden      integer NOT NULL DEFAULT 12 CHECK (ritme_fase_0_maanden BETWEEN 1 AND 60),
    ritme_fase_1_maanden      integer NOT NULL DEFAULT 3 CHECK (ritme_fase_1_maanden BETWEEN 1 AND 60),
    ritme_fase_2_maanden      integer NOT NULL DEFAULT 2 CHECK (ritme_fase_2_maanden BETWEEN 1 AND 60),
    ritme_fase_3_maanden      integer NOT NULL DEFAULT 1 CHECK (ritme_fase_3_maanden BETWEEN 1 AND 60)
);
INSERT INTO hkd.monitoring_normen DEFAULT VALUES;
COMMENT ON TABLE hkd.monitoring_normen IS
  'Norms of the meldingen monitoring: handling norm in days, the agenda signal (at least signaal_min_meldingen in '
  'signaal_periode_maanden, or signaal_min_buiten_norm handled late), rings of the meldkaart, and the largest '
  'distance at which an imported (Signalen) melding is linked to a location; the beheercommissie rhythm per fase '
  '(fase 3 = 3a and 3b).';

CREATE TABLE hkd.meldingen (
    id               bigserial PRIMARY KEY,
    locatie_id       integer NOT NULL REFERENCES hkd.locaties (id),
    ontvangen_op     timestamptz NOT NULL,
    bron             text NOT NULL CHECK (bron IN ('omwonende', 'politie', 'aanbieder', 'gemeente', 'anders')),
    categorie        text NOT NULL CHECK (categorie IN ('geluid', 'vervuiling', 'agressie', 'drugs_alcohol', 'anders')),
    omschrijving     text NOT NULL CHECK (btrim(omschrijving) <> '' AND char_length(omschrijving) <= 300),
    afgehandeld_op   timestamptz CHECK (afgehandeld_op >= ontvangen_op),
    afhandeling      text CHECK (afhandeling IN ('afgehandeld', 'doorverwezen', 'niet_op_te_lossen')),
    melder_tevreden  boolean,
    -- where the melding was made; a melding recorded by hand sits at its location's point
    geom             geometry(Point, 28992) NOT NULL,
    systeem          text NOT NULL DEFAULT 'handmatig' CHECK (systeem IN ('handmatig', 'import', 'signalen')),
    extern_id        text CHECK (extern_id IS NULL OR extern_id ~ '^[A-Za-z0-9:_-]{1,64}$'),
    vastgelegd_door  text NOT NULL,
    vastgelegd_op    timestamptz NOT NULL DEFAULT now(),
    CHECK ((afgehandeld_op IS NULL) = (afhandeling IS NULL)),
    CHECK (melder_tevreden IS NULL OR afgehandeld_op IS NOT NULL),
    UNIQUE (systeem, extern_id)
);
CREATE INDEX meldingen_locatie ON hkd.meldingen (locatie_id, ontvangen_op);
CREATE INDEX meldingen_geom_gist ON hkd.meldingen USING gist (geom);
CREATE INDEX meldingen_ontvangen ON hkd.meldingen (ontvangen_op);

-- Dates in the future are refused (a CHECK cannot use now(): it would be re-judged on restore); the recorder is
-- whoever the application names, never a value the caller chooses; the point defaults to the location's.
CREATE FUNCTION hkd.meldingen_controle() RETURNS trigger
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
        IF NEW.geom IS NULL THEN
            NEW.geom := (SELECT l.geom FROM hkd.locaties l WHERE l.id = NEW.locatie_id);
        END IF;
    ELSE
        NEW.vastgelegd_door := OLD.vastgelegd_door;
        NEW.vastgelegd_op := OLD.vastgelegd_op;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER meldingen_controle BEFORE INSERT OR UPDATE ON hkd.meldingen
    FOR EACH ROW EXECUTE FUNCTION hkd.meldingen_controle();
CREATE TRIGGER meldingen_no_truncate BEFORE TRUNCATE ON hkd.meldingen
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.meldingen
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- Row-level security: a provider's own locations only, for reading, recording and recording the handling.
ALTER TABLE hkd.meldingen ENABLE ROW LEVEL SECURITY;
CREATE POLICY aanbieder_eigen ON hkd.meldingen FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen_nieuw ON hkd.meldingen FOR INSERT TO hkd_aanbieder
    WITH CHECK (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen_afhandeling ON hkd.meldingen FOR UPDATE TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()))
    WITH CHECK (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY beheer_alles ON hkd.meldingen FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);

-- Grants: no DELETE for anyone; an update records the handling only (the audit log keeps every version).
GRANT SELECT ON hkd.meldingen, hkd.monitoring_normen TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (locatie_id, ontvangen_op, bron, categorie, omschrijving, afgehandeld_op, afhandeling, melder_tevreden)
    ON hkd.meldingen TO hkd_aanbieder;
GRANT INSERT (locatie_id, ontvangen_op, bron, categorie, omschrijving, afgehandeld_op, afhandeling, melder_tevreden,
              geom, systeem, extern_id)
    ON hkd.meldingen TO hkd_beheer;
GRANT UPDATE (afgehandeld_op, afhandeling, melder_tevreden) ON hkd.meldingen TO hkd_aanbieder, hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.meldingen_id_seq TO hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.current_gebruiker() TO hkd_aanbieder;
