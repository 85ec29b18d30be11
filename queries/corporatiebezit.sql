-- name: dominante_corporatie
-- Kaart 4-1: per area of one level and year the corporation with the largest share of the addresses (ties: name).
SELECT gebied_code, corporatie_code, corporatie, woningen, adressen, aandeel
FROM publiek.dominante_corporatie
WHERE niveau = :niveau AND jaar = :jaar
ORDER BY gebied_code;

-- name: corporatie_aandelen
-- Every corporation with dwellings per area of one level and year, with its share and rank.
SELECT gebied_code, corporatie_code, corporatie, woningen, adressen, aandeel, rang
FROM publiek.corporatie_aandeel
WHERE niveau = :niveau AND jaar = :jaar
ORDER BY gebied_code, rang;

-- name: bezit_jaren
-- The years for which corporatiebezit is loaded on one level.
SELECT DISTINCT jaar FROM publiek.corporatie_aandeel WHERE niveau = :niveau ORDER BY jaar;

-- name: corporatie_sleutels
-- The corporations an importer may name: code and name.
SELECT id, code, naam FROM hkd.corporaties ORDER BY code;

-- name: upsert_bezit
-- Store the dwellings of one corporation in one area and year (a newer load of the same key replaces it); returns
-- whether it was new, and nothing when the same figure was stored before.
INSERT INTO hkd.corporatie_bezit (jaar, niveau, gebied_code, corporatie_id, woningen, bron)
SELECT :jaar, :niveau, :gebied_code, c.id, :woningen, :bron FROM hkd.corporaties c WHERE c.code = :corporatie
ON CONFLICT (jaar, niveau, gebied_code, corporatie_id)
DO UPDATE SET woningen = EXCLUDED.woningen, bron = EXCLUDED.bron
WHERE (hkd.corporatie_bezit.woningen, hkd.corporatie_bezit.bron) IS DISTINCT FROM (EXCLUDED.woningen, EXCLUDED.bron)
RETURNING (xmax = 0) AS nieuw;

-- name: raster_dominant
-- Kaart 4-1 on the 100 m squares of RD New: the dominant corporation of the area covering most of each square.
SELECT cel_x, cel_y, gebied_code, corporatie, aandeel, lon, lat
FROM publiek.raster_dominante_corporatie(:niveau, :jaar);
