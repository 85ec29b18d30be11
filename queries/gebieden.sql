-- name: delete_level
-- Remove every area of one level before a reload (inside the load's transaction).
DELETE FROM hkd.gebieden WHERE niveau = :niveau;

-- name: insert_area
-- Store one area; the display geometry is simplified in PostGIS and kept in WGS84.
INSERT INTO hkd.gebieden (niveau, code, naam, parent_code, jaar, bron, geom, geom_display)
SELECT :niveau, :code, :naam, :parent_code, :jaar, :bron, g,
       ST_Multi(ST_CollectionExtract(ST_MakeValid(
           ST_Transform(ST_SimplifyPreserveTopology(g, :tolerance), 4326)), 3))
FROM (SELECT ST_Multi(ST_GeomFromWKB(:wkb, 28992)) AS g) s;

-- name: rederive_locaties
-- Recompute the pc4/buurt/gebied/wijkprofiel of every location after boundaries changed.
SELECT hkd.rederive_locaties();

-- name: set_geografie
-- Record which geography is in use (shown on screen).
INSERT INTO hkd.geografie (id, soort, omschrijving, geladen_op) VALUES (true, :soort, :omschrijving, now())
ON CONFLICT (id) DO UPDATE SET soort = EXCLUDED.soort, omschrijving = EXCLUDED.omschrijving, geladen_op = now();

-- name: audit_load
-- One audit entry for a bulk load.
INSERT INTO hkd.audit_log (gebruiker, actie, tabel, gegevens)
VALUES (hkd.current_gebruiker(), 'LOAD', :tabel, CAST(:gegevens AS jsonb));

-- name: count_per_level
-- Number of areas per level.
SELECT niveau, count(*) AS n, min(jaar) AS jaar FROM hkd.gebieden GROUP BY niveau ORDER BY niveau;

-- name: jaren_per_niveau
-- The boundary year of every loaded level (the latest when a level holds several).
SELECT niveau, max(jaar) AS jaar FROM hkd.gebieden GROUP BY niveau ORDER BY niveau;
