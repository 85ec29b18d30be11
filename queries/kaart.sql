-- name: pc4_telling
-- Public-style count per PC4: facilities and places, with the pre-simplified outline as GeoJSON (6 decimals).
SELECT g.code AS pc4,
       g.naam AS plaats,
       count(l.id)::int AS voorzieningen,
       coalesce(sum(l.plaatsen), 0)::int AS plaatsen,
       ST_AsGeoJSON(g.geom_display, 6) AS geometry
FROM hkd.gebieden g
LEFT JOIN hkd.locaties l ON l.pc4 = g.code
WHERE g.niveau = 'pc4'
GROUP BY g.code, g.naam, g.geom_display
ORDER BY g.code;

-- name: outline
-- Outlines of one level for context on maps (no basemap is loaded from third parties).
SELECT code, naam, ST_AsGeoJSON(geom_display, 6) AS geometry
FROM hkd.gebieden
WHERE niveau = :niveau
ORDER BY code;
