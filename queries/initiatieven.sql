-- name: initiatief_invoegen
-- Submit an initiative (the database appends its first step 'aangemeld' and names who submitted it).
INSERT INTO hkd.initiatieven (aanbieder_id, naam, woonvorm, doelgroep, plaatsen, startdatum, contact_rol,
                              contact_kanaal, context, ruimtelijke_procedure)
VALUES (:aanbieder_id, :naam, :woonvorm, :doelgroep, :plaatsen, :startdatum, :contact_rol, :contact_kanaal,
        :context, :ruimtelijke_procedure)
RETURNING id;

-- name: eigen_aanbieder
-- The provider of this transaction (NULL for HKD and the public).
SELECT hkd.eigen_aanbieder_id();

-- name: aanbieder_id
-- A provider's id by its code.
SELECT id FROM hkd.aanbieders WHERE code = :code;

-- name: kandidaat_invoegen
-- Add a candidate address (RD New point); the database refuses a point outside the municipality.
INSERT INTO hkd.initiatief_kandidaten (initiatief_id, omschrijving, bron, geom)
VALUES (:initiatief_id, :omschrijving, :bron, ST_SetSRID(ST_MakePoint(:x, :y), 28992))
RETURNING id;

-- name: lijst
-- Every initiative the caller may see with its current step, how long in it, its candidates' wijken.
SELECT i.id, i.naam, a.code AS aanbieder_code, a.naam AS aanbieder, i.woonvorm, w.naam AS woonvorm_naam,
       i.doelgroep, i.plaatsen, i.startdatum, i.ruimtelijke_procedure, i.ingediend_op::date AS ingediend,
       s.stap, st.naam AS stap_naam, st.volgorde AS stap_volgorde, s.sinds, (CAST(:datum AS date) - s.sinds) AS dagen_in_stap,
       (CAST(:datum AS date) - i.ingediend_op::date) AS leeftijd_dagen,
       (SELECT count(*) FROM hkd.initiatief_kandidaten k WHERE k.initiatief_id = i.id)::int AS kandidaten,
       coalesce((SELECT string_agg(DISTINCT g.naam, ', ' ORDER BY g.naam) FROM hkd.initiatief_kandidaten k
                 JOIN hkd.gebieden g ON g.niveau = 'gebied' AND g.code = k.gebied_code
                 WHERE k.initiatief_id = i.id), '') AS gebieden
FROM hkd.initiatieven i
JOIN hkd.aanbieders a ON a.id = i.aanbieder_id
JOIN hkd.woonvormen w ON w.code = i.woonvorm
JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id
JOIN hkd.stappen st ON st.code = s.stap
ORDER BY st.volgorde, s.sinds, i.id;

-- name: lijst_aanbieder
-- The same list for a provider (reads no boundaries: the wijk is left out).
SELECT i.id, i.naam, a.code AS aanbieder_code, a.naam AS aanbieder, i.woonvorm, w.naam AS woonvorm_naam,
       i.doelgroep, i.plaatsen, i.startdatum, i.ruimtelijke_procedure, i.ingediend_op::date AS ingediend,
       s.stap, st.naam AS stap_naam, st.volgorde AS stap_volgorde, s.sinds, (CAST(:datum AS date) - s.sinds) AS dagen_in_stap,
       (CAST(:datum AS date) - i.ingediend_op::date) AS leeftijd_dagen,
       (SELECT count(*) FROM hkd.initiatief_kandidaten k WHERE k.initiatief_id = i.id)::int AS kandidaten,
       '' AS gebieden
FROM hkd.initiatieven i
JOIN hkd.aanbieders a ON a.id = i.aanbieder_id
JOIN hkd.woonvormen w ON w.code = i.woonvorm
JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id
JOIN hkd.stappen st ON st.code = s.stap
ORDER BY st.volgorde, s.sinds, i.id;

-- name: initiatief
-- One initiative with its current step and the latest advice (NULL when none).
SELECT i.*, a.code AS aanbieder_code, a.naam AS aanbieder, s.stap, s.sinds,
       (SELECT advies FROM hkd.initiatief_stappen x WHERE x.initiatief_id = i.id AND x.stap = 'advies'
        ORDER BY x.id DESC LIMIT 1) AS advies,
       (SELECT fase FROM hkd.initiatief_stappen x WHERE x.initiatief_id = i.id AND x.stap = 'advies'
        ORDER BY x.id DESC LIMIT 1) AS advies_fase
FROM hkd.initiatieven i
JOIN hkd.aanbieders a ON a.id = i.aanbieder_id
JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id
WHERE i.id = :id;

-- name: stappen
-- The step history of one initiative, oldest first.
SELECT s.id, s.stap, st.naam AS stap_naam, s.datum, s.reden, s.advies, s.voorwaarden, s.fase, s.overleg_datum,
       s.locatie_id, s.vastgelegd_door, s.vastgelegd_op
FROM hkd.initiatief_stappen s JOIN hkd.stappen st ON st.code = s.stap
WHERE s.initiatief_id = :id
ORDER BY s.id;

-- name: intrekken
-- Withdraw an initiative today (the only step a provider may record: migration 190).
INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)
VALUES (:initiatief_id, 'ingetrokken', (now() AT TIME ZONE 'Europe/Amsterdam')::date, :reden)
RETURNING id;

-- name: stap_invoegen
-- Append a step (the database checks the transition against hkd.stap_overgangen).
INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden, advies, voorwaarden, fase, overleg_datum,
                                    locatie_id)
VALUES (:initiatief_id, :stap, :datum, :reden, :advies, :voorwaarden, :fase, :overleg_datum, :locatie_id)
RETURNING id;

-- name: ruimtelijk_wijzigen
-- Change the ruimtelijke-procedure flag with a date and a reason (the database checks it may still change, records
-- the previous value and the step, and moves hkd.initiatieven.ruimtelijke_procedure: migration 191).
INSERT INTO hkd.initiatief_ruimtelijk (initiatief_id, ruimtelijke_procedure, datum, reden)
VALUES (:initiatief_id, :ruimtelijk, :datum, :reden)
RETURNING id;

-- name: ruimtelijk_historie
-- Every change of the ruimtelijke-procedure flag of one initiative, oldest first.
SELECT h.id, h.ruimtelijke_procedure, h.vorige, h.stap, h.datum, h.reden, h.vastgelegd_door, h.vastgelegd_op
FROM hkd.initiatief_ruimtelijk h
WHERE h.initiatief_id = :id
ORDER BY h.id;

-- name: kandidaten
-- The candidate addresses of one initiative with their point (RD and WGS84) and wijk (address level).
SELECT k.id, k.omschrijving, k.bron, ST_X(k.geom) AS x, ST_Y(k.geom) AS y,
       round(ST_X(ST_Transform(k.geom, 4326))::numeric, 6)::float AS lon,
       round(ST_Y(ST_Transform(k.geom, 4326))::numeric, 6)::float AS lat,
       k.buurt_code, k.gebied_code
FROM hkd.initiatief_kandidaten k
WHERE k.initiatief_id = :id
ORDER BY k.id;

-- name: alle_kandidaten
-- Every candidate address of open initiatives, for the overview map (HKD only: these are addresses).
SELECT k.id, k.initiatief_id, i.naam AS initiatief, k.omschrijving, s.stap, i.woonvorm,
       round(ST_X(ST_Transform(k.geom, 4326))::numeric, 6)::float AS lon,
       round(ST_Y(ST_Transform(k.geom, 4326))::numeric, 6)::float AS lat
FROM hkd.initiatief_kandidaten k
JOIN hkd.initiatieven i ON i.id = k.initiatief_id
JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id
ORDER BY k.initiatief_id, k.id;

-- name: scan_invoegen
-- Keep a scan with all its inputs, its result and its PDF.
INSERT INTO hkd.scans (initiatief_id, kandidaat_id, invoer, normen_versie, data_datum, grensset, resultaat, pdf)
VALUES (:initiatief_id, :kandidaat_id, CAST(:invoer AS jsonb), :normen_versie, :data_datum, :grensset,
        CAST(:resultaat AS jsonb), :pdf)
RETURNING id;

-- name: grensset
-- Which boundary set is loaded (stored with every saved scan).
SELECT coalesce((SELECT omschrijving FROM hkd.geografie), 'onbekend');

-- name: scans
-- The saved scans of one initiative, newest first (without the PDF).
SELECT s.id, s.kandidaat_id, k.omschrijving AS kandidaat, s.normen_versie, s.data_datum, s.grensset,
       s.vastgelegd_door, s.vastgelegd_op
FROM hkd.scans s JOIN hkd.initiatief_kandidaten k ON k.id = s.kandidaat_id
WHERE s.initiatief_id = :id
ORDER BY s.id DESC;

-- name: scan
-- One saved scan with its result and PDF.
SELECT s.id, s.initiatief_id, s.kandidaat_id, s.invoer, s.normen_versie, s.data_datum, s.grensset, s.resultaat,
       s.pdf, s.vastgelegd_door, s.vastgelegd_op
FROM hkd.scans s WHERE s.id = :id;

-- name: locatie_invoegen
-- A realised initiative becomes a location in the register.
INSERT INTO hkd.locaties (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode,
                          plaats, geom)
SELECT :code, :naam, i.aanbieder_id, i.woonvorm, i.doelgroep, i.plaatsen, :straat, :huisnummer, :postcode,
       'Rotterdam', k.geom
FROM hkd.initiatieven i JOIN hkd.initiatief_kandidaten k ON k.initiatief_id = i.id
WHERE i.id = :initiatief_id AND k.id = :kandidaat_id
RETURNING id;

-- name: locatie_id
-- A location's id by its code.
SELECT id FROM hkd.locaties WHERE code = :code;

-- name: voorstel_invoegen
-- A provider proposes an update to one of its own locations (row-level security checks both).
INSERT INTO hkd.voorstellen (aanbieder_id, locatie_id, soort, datum, plaatsen, toelichting)
VALUES (:aanbieder_id, :locatie_id, :soort, :datum, :plaatsen, :toelichting)
RETURNING id;

-- name: voorstellen
-- The proposals the caller may see, with the decision when there is one.
SELECT v.id, v.locatie_id, l.code AS locatie_code, l.naam AS locatie, a.code AS aanbieder_code, a.naam AS aanbieder,
       v.soort, v.datum, v.plaatsen, v.toelichting, v.ingediend_door, v.ingediend_op,
       b.goedgekeurd, b.reden, b.overleg_datum, b.beheer_status_id, b.vastgelegd_door AS beoordeeld_door
FROM hkd.voorstellen v
JOIN hkd.locaties l ON l.id = v.locatie_id
JOIN hkd.aanbieders a ON a.id = v.aanbieder_id
LEFT JOIN hkd.voorstel_besluiten b ON b.voorstel_id = v.id
ORDER BY b.id IS NOT NULL, v.id DESC;

-- name: voorstel_beoordelen
-- Approve (appending exactly one fact) or reject a proposal, in one step.
SELECT hkd.voorstel_beoordelen(:voorstel_id, :goedgekeurd, :reden, :overleg_datum);

-- name: wachten_op_advies
-- Initiatives waiting for the Sturingsoverleg's advice on a date (scan done or in bespreking).
SELECT i.id, i.naam, a.naam AS aanbieder, i.woonvorm, i.plaatsen, s.stap, s.sinds,
       (SELECT count(*) FROM hkd.scans x WHERE x.initiatief_id = i.id)::int AS scans
FROM hkd.initiatieven i
JOIN hkd.aanbieders a ON a.id = i.aanbieder_id
JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id
WHERE s.stap IN ('draagkrachtscan', 'bespreking') AND i.ingediend_op::date <= :datum
ORDER BY s.sinds, i.id;

-- name: open_voorstellen
-- Proposals without a decision, submitted on or before a date.
SELECT v.id, v.soort, v.datum, v.plaatsen, l.id AS locatie_id, l.code, l.naam, a.naam AS aanbieder
FROM hkd.voorstellen v
JOIN hkd.locaties l ON l.id = v.locatie_id
JOIN hkd.aanbieders a ON a.id = v.aanbieder_id
WHERE NOT EXISTS (SELECT 1 FROM hkd.voorstel_besluiten b WHERE b.voorstel_id = v.id)
  AND v.ingediend_op::date <= :datum
ORDER BY v.id;

-- name: spreiding
-- Facilities, places and inhabitants (latest year per buurt) of the candidate's buurt, its wijk (CBS wijk =
-- gebied) and the whole city: the spreading figures of the scan and the comparison.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint(:x, :y), 28992) AS g),
plek AS (SELECT hkd.area_code_at(p.g, 'buurt') AS buurt, hkd.area_code_at(p.g, 'gebied') AS gebied FROM p),
inw AS (SELECT DISTINCT ON (gebied_code) gebied_code, waarde FROM hkd.indicatoren
        WHERE niveau = 'buurt' AND indicator = 'inwoners' ORDER BY gebied_code, jaar DESC),
buurt_gebied AS (SELECT code, parent_code FROM hkd.gebieden WHERE niveau = 'buurt')
SELECT 'buurt' AS niveau, plek.buurt AS code, (SELECT naam FROM hkd.gebieden WHERE niveau = 'buurt' AND code = plek.buurt) AS naam,
       (SELECT count(*) FROM hkd.locaties WHERE buurt_code = plek.buurt)::int AS voorzieningen,
       (SELECT coalesce(sum(plaatsen), 0) FROM hkd.locaties WHERE buurt_code = plek.buurt)::int AS plaatsen,
       (SELECT waarde FROM inw WHERE gebied_code = plek.buurt) AS inwoners
FROM plek
UNION ALL
SELECT 'wijk', plek.gebied, (SELECT naam FROM hkd.gebieden WHERE niveau = 'gebied' AND code = plek.gebied),
       (SELECT count(*) FROM hkd.locaties WHERE gebied_code = plek.gebied)::int,
       (SELECT coalesce(sum(plaatsen), 0) FROM hkd.locaties WHERE gebied_code = plek.gebied)::int,
       (SELECT sum(inw.waarde) FROM inw JOIN buurt_gebied b ON b.code = inw.gebied_code
        WHERE b.parent_code = plek.gebied)
FROM plek
UNION ALL
SELECT 'stad', 'gemeente', 'Rotterdam', (SELECT count(*) FROM hkd.locaties)::int,
       (SELECT coalesce(sum(plaatsen), 0) FROM hkd.locaties)::int, (SELECT sum(waarde) FROM inw);

-- name: eigen_locaties
-- The locations a proposal may be about: row-level security returns a provider's own only.
SELECT l.id, l.code, l.naam, l.plaatsen FROM hkd.locaties l ORDER BY l.code;

-- name: demo_initiatief_invoegen
-- The demo's initiatives with a fixed submission time (as the owner; the app never sets ingediend_op).
INSERT INTO hkd.initiatieven (aanbieder_id, naam, woonvorm, doelgroep, plaatsen, startdatum, contact_rol,
                              contact_kanaal, context, ruimtelijke_procedure, ingediend_op)
SELECT a.id, :naam, :woonvorm, :doelgroep, :plaatsen, :startdatum, :contact_rol, :contact_kanaal, :context,
       :ruimtelijke_procedure, CAST(:ingediend_op AS date) + time '10:00'
FROM hkd.aanbieders a WHERE a.code = :aanbieder
RETURNING id;

-- name: demo_punt
-- A demo candidate point: a demo location's point moved by (:dx, :dy) metres.
SELECT ST_X(geom) + :dx AS x, ST_Y(geom) + :dy AS y FROM hkd.locaties WHERE code = :code;

-- name: bestaande_namen
-- Names of the initiatives already present (the demo adds its own once).
SELECT naam FROM hkd.initiatieven;

-- name: demo_voorstel
-- The demo's open proposal: bravo reports the meldingenregister of HKD-070 as kept (once).
INSERT INTO hkd.voorstellen (aanbieder_id, locatie_id, soort, datum, toelichting)
SELECT l.aanbieder_id, l.id, 'meldingenregister', :datum, 'Het meldingenregister wordt sinds deze datum bijgehouden.'
FROM hkd.locaties l
WHERE l.code = 'HKD-070' AND NOT EXISTS (SELECT 1 FROM hkd.voorstellen)
RETURNING id;
