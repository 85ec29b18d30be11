-- Kaart 4-4 overlay of Veerkracht in Rotterdam: placements via directe bemiddeling (uitstroom maatschappelijke
-- opvang) as counts per area and year, the indicator 'directe_bemiddeling' in hkd.indicatoren. They are about
-- persons, so the small-numbers rule of migration 103 must hold for them even when a file gives no separate number
-- of observations: for a count indicator listed in aantal_indicatoren the count itself is the number of
-- observations, and a count under min_waarnemingen is withheld ("minder dan 10 waarnemingen").
--
-- publiek.raster_100m and publiek.interpoleer (migration 181) read hkd.indicatoren directly, so a value the view
-- withholds could be read back through them (interpolating a level onto itself returns it unchanged). They now read
-- publiek.indicator_waarden: only values the public may see are spread or moved.

ALTER TABLE hkd.indicator_openbaarmaking
    ADD COLUMN aantal_indicatoren text[] NOT NULL DEFAULT '{directe_bemiddeling}';

CREATE OR REPLACE VIEW publiek.indicator_waarden WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.indicator_openbaarmaking),
beoordeeld AS (
    SELECT i.niveau, i.gebied_code, i.jaar, i.indicator, i.waarde, i.bron,
           CASE
               WHEN i.waarnemingen IS NOT NULL AND i.waarnemingen < r.min_waarnemingen
                   THEN format('minder dan %s waarnemingen', r.min_waarnemingen)
               WHEN i.indicator = ANY (r.aantal_indicatoren) AND i.waarde < r.min_waarnemingen
                   THEN format('minder dan %s waarnemingen', r.min_waarnemingen)
               WHEN i.niveau = 'buurt' AND i.indicator = ANY (r.percentage_indicatoren) AND inw.waarde < r.min_inwoners_buurt
                   THEN format('buurt met minder dan %s inwoners (CBS-regel)', r.min_inwoners_buurt)
           END AS achtergehouden
    FROM hkd.indicatoren i
    CROSS JOIN regel r
    LEFT JOIN hkd.indicatoren inw
        ON inw.indicator = 'inwoners' AND inw.niveau = i.niveau AND inw.gebied_code = i.gebied_code
       AND inw.jaar = i.jaar
)
SELECT niveau, gebied_code, jaar, indicator, CASE WHEN achtergehouden IS NULL THEN waarde END AS waarde, bron,
       achtergehouden
FROM beoordeeld;

CREATE OR REPLACE FUNCTION publiek.raster_100m(p_niveau text, p_indicator text, p_jaar integer, p_aantal boolean,
                                               p_minimum double precision DEFAULT 10)
RETURNS TABLE (cel_x integer, cel_y integer, waarde double precision, dekking double precision,
               lon double precision, lat double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH getoond AS MATERIALIZED (  -- first the shown values (a handful of rows), then their geometry
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
    )
    SELECT i * 100, j * 100, waarde, dekking,  -- lon/lat: the south-west corner in WGS84, ~1 m
           round(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8,
           round(ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(i * 100, j * 100), 28992), 4326))::numeric, 5)::float8
    FROM cellen
    WHERE dekking >= 0.5 AND (NOT p_aantal OR waarde >= p_minimum)
    ORDER BY 1, 2
$$;

CREATE OR REPLACE FUNCTION publiek.interpoleer(p_van_niveau text, p_naar_niveau text, p_indicator text,
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
