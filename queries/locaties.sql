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
