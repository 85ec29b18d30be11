-- The bodies of the public grid and interpolation functions, executable only by their owner; the public
-- names in 70_publiek.sql check the arguments first (migration 301).
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- Spreads the shown values of an area level over 100 m cells (RD, aligned as CBS's square statistics), by
-- area; reads publiek.indicator_waarden, so a withheld value is never spread. Where the level "vierkant" holds
-- the indicator for that year (CBS square statistics, migration 560), a cell shows the square's own value
-- (eigen = true) and never the spread one; a withheld square stays empty.
CREATE OR REPLACE FUNCTION hkd.raster_100m_onbegrensd(p_niveau text, p_indicator text, p_jaar integer, p_aantal boolean,
                                               p_minimum double precision DEFAULT 10)
RETURNS TABLE (cel_x integer, cel_y integer, waarde double precision, dekking double precision,
               lon double precision, lat double precision, eigen boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH vierkanten AS MATERIALIZED (  -- the squares with a value of their own (shown or withheld)
        SELECT substr(gebied_code, 2, 4)::int AS i, substr(gebied_code, 7, 4)::int AS j, waarde
        FROM publiek.indicator_waarden
        WHERE niveau = 'vierkant' AND indicator = p_indicator AND jaar = p_jaar
    ), getoond AS MATERIALIZED (  -- first the shown values (a handful of rows), then their geometry
        SELECT gebied_code, waarde FROM publiek.indicator_waarden
        WHERE niveau = p_niveau AND indicator = p_indicator AND jaar = p_jaar AND waarde IS NOT NULL
    ), bron AS (
        SELECT g.geom, i.waarde, ST_Area(g.geom) AS opp
        FROM getoond i
        JOIN hkd.gebieden g ON g.niveau = p_niveau AND g.code = i.gebied_code
        WHERE ST_Area(g.geom) > 0
    ), stukken AS (
        SELECT c.i, c.j, b.waarde, b.opp, ST_Area(ST_Intersection(c.geom, b.geom)) AS deel
        FROM bron b, LATERAL ST_SquareGrid(100, b.geom) AS c
        WHERE ST_Intersects(c.geom, b.geom)
    ), cellen AS (
        SELECT i, j,
               CASE WHEN p_aantal THEN sum(waarde * deel / opp)
                    ELSE sum(waarde * deel) / nullif(sum(deel), 0) END AS waarde,
               sum(deel) / 10000.0 AS dekking
        FROM stukken WHERE deel > 0 GROUP BY i, j
    ), alle AS (
        SELECT i, j, waarde, 1.0::float8 AS dekking, true AS eigen
        FROM vierkanten WHERE waarde IS NOT NULL AND (NOT p_aantal OR waarde >= p_minimum)
        UNION ALL
        SELECT c.i, c.j, c.waarde, c.dekking, false
        FROM cellen c
        WHERE c.dekking >= 0.5 AND (NOT p_aantal OR c.waarde >= p_minimum)
          AND NOT EXISTS (SELECT 1 FROM vierkanten v WHERE v.i = c.i AND v.j = c.j)
    )
    SELECT i * 100, j * 100, waarde, dekking,  -- lon/lat: the south-west corner in WGS84, ~1 m
           round(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8,
           round(ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8,
           eigen
    FROM alle
    ORDER BY 1, 2
$$;
REVOKE ALL ON FUNCTION hkd.raster_100m_onbegrensd(text,text,integer,boolean,double precision) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Moves the shown values of one area level onto another by area-weighted interpolation.
CREATE OR REPLACE FUNCTION hkd.interpoleer_onbegrensd(p_van_niveau text, p_naar_niveau text, p_indicator text,
                                               p_jaar integer, p_aantal boolean)
RETURNS TABLE (gebied_code text, waarde double precision, dekking double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH getoond AS MATERIALIZED (
        SELECT gebied_code, waarde FROM publiek.indicator_waarden
        WHERE niveau = p_van_niveau AND indicator = p_indicator AND jaar = p_jaar AND waarde IS NOT NULL
    ), bron AS (
        SELECT g.geom, i.waarde, ST_Area(g.geom) AS opp
        FROM getoond i
        JOIN hkd.gebieden g ON g.niveau = p_van_niveau AND g.code = i.gebied_code
        WHERE ST_Area(g.geom) > 0
    ), stukken AS (
        SELECT t.code, ST_Area(t.geom) AS t_opp, b.waarde, b.opp,
               ST_Area(ST_Intersection(t.geom, b.geom)) AS deel
        FROM bron b JOIN hkd.gebieden t ON t.niveau = p_naar_niveau AND ST_Intersects(t.geom, b.geom)
    )
    SELECT code,
           CASE WHEN p_aantal THEN sum(waarde * deel / opp) ELSE sum(waarde * deel) / nullif(sum(deel), 0) END,
           sum(deel) / max(t_opp)
    FROM stukken WHERE deel > 0
    GROUP BY code ORDER BY code
$$;
REVOKE ALL ON FUNCTION hkd.interpoleer_onbegrensd(text,text,text,integer,boolean) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Kaart 4-1 on the 100 m grid: the corporation with the largest share of an area, per cell.
CREATE OR REPLACE FUNCTION hkd.raster_dominante_corporatie_onbegrensd(p_niveau text, p_jaar integer)
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
REVOKE ALL ON FUNCTION hkd.raster_dominante_corporatie_onbegrensd(text,integer) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
