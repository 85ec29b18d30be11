-- 100 m grid and area-weighted interpolation (Veerkracht, footnote 6: figures on 100 m grids, so that nothing ties
-- to one postcode and trends survive boundary changes).
--
-- publiek.raster_100m: an indicator of one level and year spread over the 100 m squares of RD New, aligned like
-- the CBS vierkantstatistieken (multiples of 100 m from the RD origin). Counts (p_aantal) are divided over the
-- squares by area share and summed; shares and scores are the area-weighted mean. The small-numbers rule applies
-- per square: a count under p_minimum, or a square less than half covered by areas with a value, is withheld.
--
-- publiek.interpoleer: the same indicator moved from one geography to another (another level, or another
-- boundary year) by area weighting, so that a trend is computed on one geography. Counts are conserved except
-- for the part of a source area that no target area covers.
--
-- Both read only area figures that the public layer already shows (publiek.indicator_waarden), never a facility.

CREATE FUNCTION publiek.raster_100m(p_niveau text, p_indicator text, p_jaar integer, p_aantal boolean,
                                    p_minimum double precision DEFAULT 10)
RETURNS TABLE (cel_x integer, cel_y integer, waarde double precision, dekking double precision,
               lon double precision, lat double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH bron AS (
        SELECT g.geom, i.waarde, ST_Area(g.geom) AS opp
        FROM hkd.indicatoren i
        JOIN hkd.gebieden g ON g.niveau = i.niveau AND g.code = i.gebied_code
        WHERE i.niveau = p_niveau AND i.indicator = p_indicator AND i.jaar = p_jaar AND ST_Area(g.geom) > 0
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
    )
    SELECT i * 100, j * 100, waarde, dekking,  -- lon/lat: the south-west corner in WGS84, ~1 m
           round(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8,
           round(ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8
    FROM cellen
    WHERE dekking >= 0.5 AND (NOT p_aantal OR waarde >= p_minimum)
    ORDER BY 1, 2
$$;

CREATE FUNCTION publiek.interpoleer(p_van_niveau text, p_naar_niveau text, p_indicator text, p_jaar integer,
                                    p_aantal boolean)
RETURNS TABLE (gebied_code text, waarde double precision, dekking double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH bron AS (
        SELECT g.geom, i.waarde, ST_Area(g.geom) AS opp
        FROM hkd.indicatoren i
        JOIN hkd.gebieden g ON g.niveau = i.niveau AND g.code = i.gebied_code
        WHERE i.niveau = p_van_niveau AND i.indicator = p_indicator AND i.jaar = p_jaar AND ST_Area(g.geom) > 0
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

REVOKE EXECUTE ON FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION publiek.interpoleer(text, text, text, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision),
                          publiek.interpoleer(text, text, text, integer, boolean)
    TO hkd_publiek, hkd_aanbieder, hkd_beheer;
