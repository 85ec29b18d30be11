-- name: geografie
-- Which geography is in use (public view: every role may read it).
SELECT soort, omschrijving FROM publiek.geografie;

-- name: demo_geladen
-- Whether demo figures are loaded (the demo writes every source as "Demo ..."), for the visible demo label.
SELECT EXISTS (SELECT 1 FROM publiek.indicator_waarden WHERE bron ILIKE 'demo%') AS demo;

-- name: regel
-- The disclosure rule in force (hkd.openbaarmaking, through its public view).
SELECT min_voorzieningen, afronding, vertrouwelijk_niveau FROM publiek.openbaarmakingsregel;

-- name: pc4
-- Every PC4 with its disclosure-controlled figures and its simplified outline (GeoJSON, 5 decimals, about 1 m).
SELECT pc4, plaats, voorzieningen, plaatsen, ST_AsGeoJSON(geom, 5) AS geometry
FROM publiek.pc4
ORDER BY pc4;

-- name: pc4_woonvorm
-- Disclosure-controlled figures per PC4 and non-confidential woonvorm.
SELECT pc4, woonvorm, woonvorm_naam, voorzieningen, plaatsen
FROM publiek.pc4_woonvorm
ORDER BY pc4, volgorde;

-- name: vertrouwelijk
-- Confidential woonvormen at the level the rule allows.
SELECT niveau, code, naam, woonvorm_naam, voorzieningen, plaatsen
FROM publiek.vertrouwelijk
ORDER BY code, volgorde;

-- name: vertrouwelijke_woonvormen
-- Names of the confidential woonvormen (for the plain-Dutch rule); the list itself is not sensitive.
SELECT DISTINCT woonvorm_naam FROM publiek.vertrouwelijk ORDER BY woonvorm_naam;

-- name: zoekgebieden
-- The CBS wijken (level gebied) and buurten for the published map's search and orientation: code, name, bounding
-- box and label point (4 decimals, about 10 m), the wijk a buurt lies in, the outline of a wijk (simplified, 4 decimals) and the PC4 areas
-- the area lies in, largest overlap first (those whose figures the search opens). Public boundaries only.
-- The PC4 candidates of an area come from the index on the display geometry (migration 441; publiek.pc4 holds
-- exactly the PC4 areas of publiek.indicator_gebieden, with the same geometry), the wijk of a buurt from one join:
-- no area is compared with every other one (minutes at national scale).
WITH g AS (
    SELECT niveau, code, naam, parent_code, geom_display AS ruw, ST_MakeValid(geom_display) AS geom
    FROM publiek.indicator_gebieden
    WHERE niveau IN ('gebied', 'buurt') AND geom_display IS NOT NULL
), wijken AS (
    SELECT DISTINCT ON (code) code, naam FROM g WHERE niveau = 'gebied' ORDER BY code, naam
)
SELECT g.niveau, g.code, g.naam, w.naam AS ouder,
       round(ST_XMin(g.geom)::numeric, 4)::float8 AS west, round(ST_YMin(g.geom)::numeric, 4)::float8 AS zuid,
       round(ST_XMax(g.geom)::numeric, 4)::float8 AS oost, round(ST_YMax(g.geom)::numeric, 4)::float8 AS noord,
       round(ST_X(ST_PointOnSurface(g.geom))::numeric, 4)::float8 AS lon,
       round(ST_Y(ST_PointOnSurface(g.geom))::numeric, 4)::float8 AS lat,
       CASE WHEN g.niveau = 'gebied'
            THEN ST_AsGeoJSON(ST_Boundary(ST_SimplifyPreserveTopology(g.geom, 0.0005)), 4) END AS rand,
       ARRAY(SELECT c.code FROM publiek.indicator_gebieden c
             CROSS JOIN LATERAL (SELECT ST_Area(ST_Intersection(ST_MakeValid(c.geom_display), g.geom)) AS deel) d
             WHERE c.niveau = 'pc4' AND c.geom_display && g.ruw AND d.deel > 0.05 * ST_Area(g.geom)
             ORDER BY d.deel DESC) AS pc4s
FROM g
LEFT JOIN wijken w ON w.code = g.parent_code
ORDER BY g.niveau, g.naam, g.code;
