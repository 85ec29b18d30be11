-- name: upsert_aanbieder
-- Add a provider or rename it, by its stable code.
INSERT INTO hkd.aanbieders (code, naam) VALUES (:code, :naam)
ON CONFLICT (code) DO UPDATE SET naam = EXCLUDED.naam WHERE hkd.aanbieders.naam IS DISTINCT FROM EXCLUDED.naam
RETURNING id;

-- name: aanbieder_ids
-- Provider ids by code.
SELECT code, id FROM hkd.aanbieders;

-- name: insert_locatie_if_new
-- Add a location by its stable code; an existing code is left as it is.
INSERT INTO hkd.locaties (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode,
                          plaats, geom)
VALUES (:code, :naam, :aanbieder_id, :woonvorm, :doelgroep, :plaatsen, :straat, :huisnummer, :postcode, :plaats,
        ST_SetSRID(ST_MakePoint(:x, :y), 28992))
ON CONFLICT (code) DO NOTHING;

-- name: locatie_ids
-- Location ids by code.
SELECT code, id FROM hkd.locaties;

-- name: count_locaties
-- Number of locations.
SELECT count(*) FROM hkd.locaties;

-- name: register_aanbieders
-- Providers for the register import: code and name (either may be used in the file).
SELECT id, code, naam FROM hkd.aanbieders ORDER BY code;

-- name: register_woonvormen
-- Housing forms for the register import: code and name (either may be used in the file).
SELECT code, naam FROM hkd.woonvormen ORDER BY volgorde;

-- name: gemeente_wkb
-- The municipality boundary (RD New) as WKB, to refuse points outside it before anything is written.
SELECT ST_AsBinary(ST_Union(geom)) FROM hkd.gebieden WHERE niveau = 'gemeente';

-- name: register_locaties
-- Every location as the register knows it (stable key: code), with its RD point.
SELECT l.code, l.naam, a.code AS aanbieder_code, l.woonvorm, l.doelgroep, l.plaatsen, l.straat, l.huisnummer,
       l.postcode, l.plaats, ST_X(l.geom) AS x, ST_Y(l.geom) AS y
FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
ORDER BY l.code;

-- name: insert_locatie
-- Add one location from the register (a duplicate code fails: the import checked it before).
INSERT INTO hkd.locaties (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode,
                          plaats, geom)
VALUES (:code, :naam, (SELECT id FROM hkd.aanbieders WHERE code = :aanbieder_code), :woonvorm, :doelgroep,
        :plaatsen, :straat, :huisnummer, :postcode, :plaats, ST_SetSRID(ST_MakePoint(:x, :y), 28992));

-- name: update_locatie
-- Change the register fields of one location by its code (areas are re-derived by trigger from the point).
UPDATE hkd.locaties SET
    naam = :naam, aanbieder_id = (SELECT id FROM hkd.aanbieders WHERE code = :aanbieder_code), woonvorm = :woonvorm,
    doelgroep = :doelgroep, plaatsen = :plaatsen, straat = :straat, huisnummer = :huisnummer, postcode = :postcode,
    plaats = :plaats, geom = ST_SetSRID(ST_MakePoint(:x, :y), 28992)
WHERE code = :code;
