-- name: pc4_totaal
-- Every PC4 with facilities, places and number of providers of ALL providers (aggregate view), outline as GeoJSON.
SELECT pc4, plaats, voorzieningen, plaatsen, aantal_aanbieders, ST_AsGeoJSON(geom, 5) AS geometry
FROM hkd.aanbieder_pc4_totaal
ORDER BY pc4;

-- name: pc4_woonvorm
-- Extended information per PC4 and woonvorm: doelgroepen, facilities, places, providers present.
SELECT pc4, woonvorm, doelgroepen, voorzieningen, plaatsen, aantal_aanbieders, aanbieders
FROM hkd.aanbieder_pc4
ORDER BY pc4, volgorde;

-- name: mijn_locaties
-- The provider's own locations in detail; row-level security on hkd.locaties decides which rows come back.
SELECT code, naam, aanbieder_code, aanbieder, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode, pc4,
       fase, fase_sinds, beheercommissie, beheerconvenant, convenant_datum, meldingenregister, beheer_sinds
FROM hkd.mijn_locaties
ORDER BY aanbieder_code, code;

