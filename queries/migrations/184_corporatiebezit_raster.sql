-- Kaart 4-1 on the 100 m grid, as the report presents it (seed 002 §4.1: dominance per 6ppc "voor
-- presentatiedoeleinden geaggregeerd naar ... grids van 100 x 100 meter"). Each 100 m square of RD New (aligned like
-- the CBS vierkantstatistiek, as publiek.raster_100m) takes the dominant corporation of the area of p_niveau that
-- covers the largest part of it (ties: the lower area code); a square less than half covered by areas is left out.
-- A square whose area has no corporatiebezit has corporatie NULL (grey on the map). Reads only the public view
-- publiek.dominante_corporatie and the outlines: nothing the public may not see.

CREATE FUNCTION publiek.raster_dominante_corporatie(p_niveau text, p_jaar integer)
RETURNS TABLE (cel_x integer, cel_y integer, gebied_code text, corporatie text, aandeel double precision,
               lon double precision, lat double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH stukken AS (
        SELECT c.i, c.j, g.code, ST_Area(ST_Intersection(c.geom, g.geom)) AS deel
        FROM hkd.gebieden g, LATERAL ST_SquareGrid(100, g.geom) AS c
        WHERE g.niveau = p_niveau AND ST_Intersects(c.geom, g.geom)
    ), cellen AS (
        SELECT i, j, sum(deel) OVER (PARTITION BY i, j) AS gedekt, code, deel
        FROM stukken WHERE deel > 0
    ), grootste AS (
        SELECT DISTINCT ON (i, j) i, j, code, gedekt FROM cellen ORDER BY i, j, deel DESC, code
    ), dominant AS MATERIALIZED (
        SELECT d.gebied_code, d.corporatie, d.aandeel FROM publiek.dominante_corporatie d
        WHERE d.niveau = p_niveau AND d.jaar = p_jaar
    )
    SELECT g.i * 100, g.j * 100, g.code, d.corporatie, d.aandeel,
           round(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(g.i * 100, g.j * 100), 28992), 4326))::numeric, 5)::float8,
           round(ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(g.i * 100, g.j * 100), 28992), 4326))::numeric, 5)::float8
    FROM grootste g LEFT JOIN dominant d ON d.gebied_code = g.code
    WHERE g.gedekt >= 5000
    ORDER BY 1, 2
$$;

REVOKE EXECUTE ON FUNCTION publiek.raster_dominante_corporatie(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.raster_dominante_corporatie(text, integer) TO hkd_publiek, hkd_aanbieder, hkd_beheer;
