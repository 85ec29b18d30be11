-- name: geografie
-- Which geography is in use (public view: every role may read it).
SELECT soort, omschrijving FROM publiek.geografie;

-- name: demo_geladen
-- Whether demo figures are loaded (the demo writes every source as "Demo ..."), for the visible demo label; from the
-- distinct sources (publiek.indicator_bronnen), not every value.
SELECT EXISTS (SELECT 1 FROM publiek.indicator_bronnen WHERE bron ILIKE 'demo%') AS demo;

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
-- box and label point (4 decimals, about 10 m), the wijk a buurt lies in, the outline of a wijk (simplified, 4
-- decimals) and the PC4 areas the area lies in, largest overlap first (those whose figures the search opens).
-- Public boundaries only. Computed once per boundary set (migration 540: exact overlaps of 17,000 areas took 11-33 s
-- at national scale on every publication), kept by the database and refreshed when the boundaries change.
SELECT niveau, code, naam, ouder, west, zuid, oost, noord, label_lon AS lon, label_lat AS lat, rand, pc4s
FROM publiek.zoekgebieden
ORDER BY niveau, naam, code;
