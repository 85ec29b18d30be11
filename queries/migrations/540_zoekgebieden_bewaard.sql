-- Issue 27: the published map's search index (queries/publiek.sql, zoekgebieden) computed, on every publication, the
-- PC4 areas each wijk and buurt lies in by exact overlap: 11 s on an idle machine and 33 s on a loaded one at
-- national scale (17,000 areas, 4,000 PC4), although it depends on the boundaries only, which change when a
-- boundary set is loaded, not when a fase or the register changes. It is now kept in the materialised view
-- hkd.zoekgebieden_bepaald (owner only) and read through publiek.zoekgebieden (queries/objects/70_publiek.sql).
--
-- Kept current by the database itself, as hkd.indicator_waarden_bepaald (migration 440): a deferred constraint
-- trigger on hkd.gebieden refreshes it at the commit of every transaction that changed the boundaries (the first
-- event of the transaction refreshes, the others find it done); a TRUNCATE refreshes at once. Public boundaries
-- only: the same columns the publication wrote before (code, name, box, label point, a wijk's border, the PC4s);
-- the label point is label_lon/label_lat, as no public view has a lon/lat column (tests/queries/test_lagen_rechten.py).
-- Both kept views are refreshed by one trigger function, hkd.bewaard_verversen('<materialised view>'), which
-- replaces migration 440's hkd.indicator_waarden_verversen().

CREATE MATERIALIZED VIEW hkd.zoekgebieden_bepaald AS
WITH g AS (
    SELECT niveau, code, naam, parent_code, geom_display AS ruw, ST_MakeValid(geom_display) AS geom
    FROM hkd.gebieden
    WHERE niveau IN ('gebied', 'buurt') AND geom_display IS NOT NULL
), wijken AS (
    SELECT DISTINCT ON (code) code, naam FROM g WHERE niveau = 'gebied' ORDER BY code, naam
)
SELECT g.niveau, g.code, g.naam, w.naam AS ouder,
       round(ST_XMin(g.geom)::numeric, 4)::float8 AS west, round(ST_YMin(g.geom)::numeric, 4)::float8 AS zuid,
       round(ST_XMax(g.geom)::numeric, 4)::float8 AS oost, round(ST_YMax(g.geom)::numeric, 4)::float8 AS noord,
       round(ST_X(ST_PointOnSurface(g.geom))::numeric, 4)::float8 AS label_lon,
       round(ST_Y(ST_PointOnSurface(g.geom))::numeric, 4)::float8 AS label_lat,
       CASE WHEN g.niveau = 'gebied'
            THEN ST_AsGeoJSON(ST_Boundary(ST_SimplifyPreserveTopology(g.geom, 0.0005)), 4) END AS rand,
       ARRAY(SELECT c.code FROM hkd.gebieden c
             CROSS JOIN LATERAL (SELECT ST_Area(ST_Intersection(ST_MakeValid(c.geom_display), g.geom)) AS deel) d
             WHERE c.niveau = 'pc4' AND c.geom_display && g.ruw AND d.deel > 0.05 * ST_Area(g.geom)
             ORDER BY d.deel DESC) AS pc4s
FROM g
LEFT JOIN wijken w ON w.code = g.parent_code;

CREATE INDEX zoekgebieden_bepaald_volgorde ON hkd.zoekgebieden_bepaald (niveau, naam, code);
REVOKE ALL ON hkd.zoekgebieden_bepaald FROM PUBLIC;

-- The trigger function's one current definition is in queries/objects/70_publiek.sql (it must exist here to create
-- the triggers).
CREATE OR REPLACE FUNCTION hkd.bewaard_verversen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    bewaard regclass := TG_ARGV[0]::regclass;
    klaar text := 'hkd.ververst_' || replace(TG_ARGV[0], '.', '_');
BEGIN
    IF TG_LEVEL = 'STATEMENT' OR current_setting(klaar, true) IS DISTINCT FROM 'ja' THEN
        EXECUTE format('REFRESH MATERIALIZED VIEW %s', bewaard);
        IF TG_LEVEL = 'ROW' THEN  -- at commit: once for the whole transaction
            PERFORM set_config(klaar, 'ja', true);
        END IF;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.bewaard_verversen() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER zoekgebieden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.gebieden
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.zoekgebieden_bepaald');
CREATE TRIGGER zoekgebieden_verversen_truncate
    AFTER TRUNCATE ON hkd.gebieden
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.zoekgebieden_bepaald');

-- Migration 440's triggers call the same function now.
DROP TRIGGER indicator_waarden_verversen ON hkd.indicatoren;
DROP TRIGGER indicator_waarden_verversen ON hkd.indicator_openbaarmaking;
DROP TRIGGER indicator_waarden_verversen ON hkd.indicator_definities;
DROP TRIGGER indicator_waarden_verversen_truncate ON hkd.indicatoren;
DROP FUNCTION hkd.indicator_waarden_verversen();
CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicatoren
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_waarden_bepaald');
CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicator_openbaarmaking
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_waarden_bepaald');
CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicator_definities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_waarden_bepaald');
CREATE TRIGGER indicator_waarden_verversen_truncate
    AFTER TRUNCATE ON hkd.indicatoren
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_waarden_bepaald');
