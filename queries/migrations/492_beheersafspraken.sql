-- Seed 001, "Beheersafspraken rond voorzieningen": three kinds of agreements around a facility. Between provider
-- and client (recorded in ondersteuningsplannen and huisregels), between provider and gemeente (recorded in
-- contracts), and among the parties concerned: neighbours, police, provider and others (recorded in the
-- beheerconvenant, already tracked on hkd.locaties and its beheer history). This table holds the first two, as an
-- append-only history per location: a row says that kind of agreement is in place from that date. Codes as in
-- core.domain.BEHEERSAFSPRAAK_SOORTEN (a test keeps both equal). Providers read their own locations' rows, HKD
-- all and records them; the public layer nothing.
CREATE TABLE hkd.beheersafspraken (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    soort           text NOT NULL CHECK (soort IN ('client', 'gemeente')),
    datum           date NOT NULL,
    vastgelegd_door text NOT NULL,
    vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX beheersafspraken_locatie ON hkd.beheersafspraken (locatie_id, soort, datum);

CREATE TRIGGER vastgelegd_door BEFORE INSERT ON hkd.beheersafspraken
    FOR EACH ROW EXECUTE FUNCTION hkd.vastgelegd_door_zetten();
CREATE TRIGGER beheersafspraken_append_only BEFORE UPDATE OR DELETE ON hkd.beheersafspraken
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER beheersafspraken_no_truncate BEFORE TRUNCATE ON hkd.beheersafspraken
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.beheersafspraken
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
ALTER TABLE hkd.beheersafspraken ENABLE ROW LEVEL SECURITY;
CREATE POLICY aanbieder_eigen ON hkd.beheersafspraken FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY beheer_alles ON hkd.beheersafspraken FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
GRANT SELECT ON hkd.beheersafspraken TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (locatie_id, soort, datum) ON hkd.beheersafspraken TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.beheersafspraken_id_seq TO hkd_beheer;
