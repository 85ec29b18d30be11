-- name: outline
-- Outlines of one level for context on maps (no basemap is loaded from third parties).
SELECT code, naam, ST_AsGeoJSON(geom_display, 6) AS geometry
FROM hkd.gebieden
WHERE niveau = :niveau
ORDER BY code;

-- name: gebied_namen
-- Names of the areas of one level at a point inside each (labels for orientation); public view, every layer.
SELECT code, naam,
       round(ST_X(ST_PointOnSurface(geom_display))::numeric, 5)::float AS lon,
       round(ST_Y(ST_PointOnSurface(geom_display))::numeric, 5)::float AS lat
FROM publiek.indicator_gebieden
WHERE niveau = :niveau
ORDER BY code;
