-- Boundary sets are kept with their year: a reload moves the outgoing set of a level into hkd.gebieden_historie
-- (append-only) instead of deleting it, so figures of earlier years stay attached to the areas they were measured
-- on. hkd.gebieden keeps holding the latest set per level, so every existing query works on it unchanged.

CREATE TABLE hkd.gebieden_historie (
    id            bigserial PRIMARY KEY,
    niveau        text NOT NULL CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4')),
    code          text NOT NULL,
    naam          text NOT NULL,
    parent_code   text,
    jaar          integer NOT NULL,
    bron          text NOT NULL,
    geom          geometry(MultiPolygon, 28992) NOT NULL,
    vervangen_op  timestamptz NOT NULL DEFAULT now(),
    vervangen_door text NOT NULL DEFAULT hkd.current_gebruiker()
);
CREATE INDEX gebieden_historie_niveau_jaar ON hkd.gebieden_historie (niveau, jaar, code);
COMMENT ON TABLE hkd.gebieden_historie IS
  'Earlier boundary sets per level and year (append-only); hkd.gebieden holds the latest set of every level.';

CREATE TRIGGER gebieden_historie_append_only BEFORE UPDATE OR DELETE ON hkd.gebieden_historie
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER gebieden_historie_no_truncate BEFORE TRUNCATE ON hkd.gebieden_historie
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.gebieden_historie
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- Every set per level and year: the latest (in hkd.gebieden) and the earlier ones.
CREATE VIEW hkd.grenssets AS
SELECT niveau, jaar, bron, count(*) AS gebieden, true AS actueel, NULL::timestamptz AS vervangen_op
FROM hkd.gebieden GROUP BY niveau, jaar, bron
UNION ALL
SELECT niveau, jaar, bron, count(*), false, max(vervangen_op)
FROM hkd.gebieden_historie GROUP BY niveau, jaar, bron, date_trunc('second', vervangen_op);

-- Areas are no provider rows (no row-level security needed); the public layer never sees the base tables.
GRANT SELECT ON hkd.gebieden_historie, hkd.grenssets TO hkd_beheer;
GRANT INSERT ON hkd.gebieden_historie TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.gebieden_historie_id_seq TO hkd_beheer;
