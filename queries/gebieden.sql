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

-- name: archive_level
-- Keep the outgoing set of a level (with its year) in the append-only history before it is replaced.
INSERT INTO hkd.gebieden_historie (niveau, code, naam, parent_code, jaar, bron, geom)
SELECT niveau, code, naam, parent_code, jaar, bron, geom FROM hkd.gebieden WHERE niveau = :niveau;

-- name: locaties_met_gebied
-- Every location that lies in an area of this level now, with its point in RD New (checked against a new set).
SELECT l.code, l.naam, ST_X(l.geom) AS x, ST_Y(l.geom) AS y
FROM hkd.locaties l
WHERE EXISTS (SELECT 1 FROM hkd.gebieden g WHERE g.niveau = :niveau AND ST_Intersects(g.geom, l.geom))
ORDER BY l.code;

-- name: codes_met_cijfers
-- Area codes of a level that hold indicator values, with how many values and years.
SELECT gebied_code AS code, count(*) AS waarden, min(jaar) AS van, max(jaar) AS tot
FROM hkd.indicatoren WHERE niveau = :niveau GROUP BY gebied_code ORDER BY gebied_code;

-- name: gemeente_code
-- The code of the loaded gemeente (GM....), if any.
SELECT min(code) FROM hkd.gebieden WHERE niveau = 'gemeente';

-- name: grenssets
-- Every boundary set per level and year: the latest and the ones kept in the history.
SELECT niveau, jaar, bron, gebieden, actueel, vervangen_op FROM hkd.grenssets ORDER BY niveau, jaar, actueel;

-- name: vierkanten_van_buurten
-- The CBS 100 m squares (code E0912N4366, south-west corner x, y in RD) whose centre lies in one of the buurten
-- :codes, per buurt (the demo's square statistics are made for these).
SELECT b.code AS buurt_code,
       'E' || lpad(c.i::text, 4, '0') || 'N' || lpad(c.j::text, 4, '0') AS vierkant,
       c.i * 100 AS x, c.j * 100 AS y
FROM hkd.gebieden b, LATERAL ST_SquareGrid(100, b.geom) AS c
WHERE b.niveau = 'buurt' AND b.code = ANY(CAST(:codes AS text[]))
  AND ST_Contains(b.geom, ST_SetSRID(ST_MakePoint(c.i * 100 + 50, c.j * 100 + 50), 28992))
ORDER BY b.code, c.i, c.j;
