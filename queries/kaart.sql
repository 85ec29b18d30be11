-- name: outline
-- Outlines of one level for context on maps (no basemap is loaded from third parties).
SELECT code, naam, ST_AsGeoJSON(geom_display, 6) AS geometry
FROM hkd.gebieden
WHERE niveau = :niveau
ORDER BY code;
