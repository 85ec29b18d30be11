-- name: aanbod_per_jaar
-- Places and facilities per woonvorm in use at the end of every year (the peildatum for its own year), and the
-- places that came into use during the year; computed from the register's in-use dates, never typed in.
WITH jaren AS (
    SELECT j::int AS jaar, least(make_date(j::int, 12, 31), CAST(:peildatum AS date)) AS op
    FROM generate_series(CAST(:van AS int), CAST(:tot AS int)) AS j
)
SELECT j.jaar, j.op, w.code AS woonvorm, w.naam AS woonvorm_naam, w.volgorde,
       count(l.id)::int AS voorzieningen, coalesce(sum(l.plaatsen), 0)::int AS plaatsen,
       coalesce(sum(l.plaatsen) FILTER (WHERE l.in_gebruik_sinds >= make_date(j.jaar, 1, 1)), 0)::int AS instroom
FROM jaren j
CROSS JOIN hkd.woonvormen w
LEFT JOIN hkd.locaties l
       ON l.woonvorm = w.code
      AND (l.in_gebruik_sinds IS NULL OR l.in_gebruik_sinds <= j.op)
      AND (l.buiten_gebruik_sinds IS NULL OR l.buiten_gebruik_sinds > j.op)
GROUP BY j.jaar, j.op, w.code, w.naam, w.volgorde
ORDER BY j.jaar, w.volgorde;

-- name: doelen
-- Targets per woonvorm and year set by HKD, with who set them.
SELECT d.woonvorm, w.naam AS woonvorm_naam, d.jaar, d.soort, d.plaatsen, d.bron, d.vastgesteld_door, d.vastgesteld_op
FROM hkd.aanbod_doelen d JOIN hkd.woonvormen w ON w.code = d.woonvorm
ORDER BY w.volgorde, d.soort, d.jaar;

-- name: zet_doel
-- Set (or change) one target by woonvorm, year and soort.
INSERT INTO hkd.aanbod_doelen (woonvorm, jaar, soort, plaatsen, bron)
VALUES (:woonvorm, :jaar, :soort, :plaatsen, :bron)
ON CONFLICT (woonvorm, jaar, soort) DO UPDATE
    SET plaatsen = EXCLUDED.plaatsen, bron = EXCLUDED.bron, vastgesteld_door = hkd.current_gebruiker(),
        vastgesteld_op = now()
    WHERE (hkd.aanbod_doelen.plaatsen, hkd.aanbod_doelen.bron) IS DISTINCT FROM (EXCLUDED.plaatsen, EXCLUDED.bron);

-- name: upsert_corporatie
-- Add a woningcorporatie or rename it, by its stable code.
INSERT INTO hkd.corporaties (code, naam) VALUES (:code, :naam)
ON CONFLICT (code) DO UPDATE SET naam = EXCLUDED.naam WHERE hkd.corporaties.naam IS DISTINCT FROM EXCLUDED.naam;

-- name: corporaties
-- The woningcorporaties with the number of locations each owns or lets (visible rows of the caller).
SELECT c.id, c.code, c.naam,
       count(lc.id) FILTER (WHERE lc.rol = 'eigenaar')::int AS eigenaar_van,
       count(lc.id) FILTER (WHERE lc.rol = 'verhuurder')::int AS verhuurder_van
FROM hkd.corporaties c LEFT JOIN hkd.locatie_corporaties lc ON lc.corporatie_id = c.id
GROUP BY c.id, c.code, c.naam
ORDER BY c.naam;

-- name: koppel_corporatie
-- Link a location (by code) to a corporation (by code) as owner or letting party; an existing link is replaced.
INSERT INTO hkd.locatie_corporaties (locatie_id, corporatie_id, rol)
SELECT l.id, c.id, :rol FROM hkd.locaties l, hkd.corporaties c WHERE l.code = :locatie AND c.code = :corporatie
ON CONFLICT (locatie_id, rol) DO UPDATE SET corporatie_id = EXCLUDED.corporatie_id
    WHERE hkd.locatie_corporaties.corporatie_id IS DISTINCT FROM EXCLUDED.corporatie_id;

-- name: zet_in_gebruik
-- Set the in-use dates of a location by its code.
UPDATE hkd.locaties SET in_gebruik_sinds = :sinds, buiten_gebruik_sinds = :tot
WHERE code = :code
  AND (in_gebruik_sinds, buiten_gebruik_sinds) IS DISTINCT FROM (CAST(:sinds AS date), CAST(:tot AS date));

-- name: upsert_uitstroom
-- One period of the uitstroom monitor (a year or a quarter; one corporation or all): insert or replace; returns
-- whether it was new, and nothing when the period was loaded before with the same figures.
INSERT INTO hkd.uitstroom (jaar, kwartaal, corporatie_id, uitstromers, directe_bemiddeling, reguliere_urgentie,
                           wachttijd_maanden, bron)
VALUES (:jaar, :kwartaal, (SELECT id FROM hkd.corporaties WHERE code = :corporatie), :uitstromers,
        :directe_bemiddeling, :reguliere_urgentie, :wachttijd_maanden, :bron)
ON CONFLICT (jaar, coalesce(kwartaal, 0), coalesce(corporatie_id, 0)) DO UPDATE
    SET uitstromers = EXCLUDED.uitstromers, directe_bemiddeling = EXCLUDED.directe_bemiddeling,
        reguliere_urgentie = EXCLUDED.reguliere_urgentie, wachttijd_maanden = EXCLUDED.wachttijd_maanden,
        bron = EXCLUDED.bron, geladen_door = hkd.current_gebruiker(), geladen_op = now()
    WHERE (hkd.uitstroom.uitstromers, hkd.uitstroom.directe_bemiddeling, hkd.uitstroom.reguliere_urgentie,
           hkd.uitstroom.wachttijd_maanden, hkd.uitstroom.bron)
          IS DISTINCT FROM (EXCLUDED.uitstromers, EXCLUDED.directe_bemiddeling, EXCLUDED.reguliere_urgentie,
                            EXCLUDED.wachttijd_maanden, EXCLUDED.bron)
RETURNING (xmax = 0) AS nieuw;

-- name: uitstroom
-- The uitstroom monitor series: per year or quarter, per corporation (NULL code: all corporations together).
SELECT u.jaar, u.kwartaal, c.code AS corporatie_code, c.naam AS corporatie, u.uitstromers, u.directe_bemiddeling,
       u.reguliere_urgentie, u.wachttijd_maanden::float AS wachttijd_maanden, u.bron, u.geladen_op
FROM hkd.uitstroom u LEFT JOIN hkd.corporaties c ON c.id = u.corporatie_id
ORDER BY u.jaar, u.kwartaal NULLS FIRST, c.naam NULLS FIRST;

-- name: spreiding_buurt
-- Per CBS buurt (Rotterdam's wijk): facilities and places in use on :op, inhabitants of the latest year up to
-- that date (else the earliest known), with the gebied it lies in. Which year's inhabitants count is kept per data
-- version in hkd.inwoners_buurt_bepaald (migration 570), per year of its range: the year of :op clamped into it.
WITH loc AS (
    SELECT buurt_code, count(*)::int AS n, sum(plaatsen)::int AS p
    FROM hkd.locaties
    WHERE (in_gebruik_sinds IS NULL OR in_gebruik_sinds <= :op)
      AND (buiten_gebruik_sinds IS NULL OR buiten_gebruik_sinds > :op)
      AND buurt_code IS NOT NULL
    GROUP BY buurt_code
), inw AS (
    SELECT i.gebied_code, i.waarde, i.jaar
    FROM hkd.inwoners_buurt_bepaald i,
         (SELECT min(geldig_jaar) AS eerste, max(geldig_jaar) AS laatste FROM hkd.inwoners_buurt_bepaald) b
    WHERE i.geldig_jaar = least(greatest(extract(year FROM CAST(:op AS date))::int, b.eerste), b.laatste)
)
SELECT g.code, g.naam, g.parent_code AS gebied_code, coalesce(l.n, 0) AS voorzieningen,
       coalesce(l.p, 0) AS plaatsen, i.waarde AS inwoners, i.jaar AS inwoners_jaar
FROM hkd.gebieden g
LEFT JOIN loc l ON l.buurt_code = g.code
LEFT JOIN inw i ON i.gebied_code = g.code
WHERE g.niveau = 'buurt'
ORDER BY g.code;

-- name: gebied_namen
-- Code and name of every gebied (CBS wijk).
SELECT code, naam FROM hkd.gebieden WHERE niveau = 'gebied' ORDER BY code;

-- name: omtrekken
-- Simplified display outlines (WGS84 GeoJSON) of every area of one level.
SELECT code, naam, ST_AsGeoJSON(geom_display, 5) AS geometry
FROM hkd.gebieden
WHERE niveau = :niveau
ORDER BY code;

-- name: focus_omtrekken
-- Outlines of the given CBS buurten (focus areas), from the public view so that every layer may draw them.
SELECT code, naam, ST_AsGeoJSON(geom_display, 5) AS geometry
FROM publiek.indicator_gebieden
WHERE niveau = 'buurt' AND code = ANY(CAST(:codes AS text[]))
ORDER BY code;

-- name: fase_telling
-- Number of locations per fase on a date (the escalatieladder stand).
SELECT fase, count(*)::int AS n FROM hkd.fase_op(:op) GROUP BY fase;

-- name: tabel_bestaat
-- Whether a table exists and the caller may read it (for sections that depend on another feature's table).
SELECT to_regclass(:naam) IS NOT NULL AND has_table_privilege(CAST(:naam AS text), 'SELECT');

-- name: initiatieven_per_stap
-- Initiatives per step (table hkd.initiatieven, when present).
SELECT stap::text AS stap, count(*)::int AS n FROM hkd.initiatieven GROUP BY stap ORDER BY stap;

-- name: publiek_spreiding_gebied
-- The disclosure-controlled spreiding per gebied (public layer).
SELECT code, naam, voorzieningen, plaatsen FROM publiek.spreiding_gebied ORDER BY code;

-- name: bronnen
-- Data sources and their dates for the platform report.
SELECT 'Locatieregister' AS bron,
       (SELECT max(tijd)::date FROM hkd.audit_log WHERE tabel = 'locaties') AS datum
UNION ALL
SELECT 'Uitstroommonitor: ' || string_agg(DISTINCT bron, '; '), max(geladen_op)::date FROM hkd.uitstroom
UNION ALL
SELECT 'Inwoners per buurt: ' || string_agg(DISTINCT bron, '; '), make_date(max(jaar), 1, 1)
FROM hkd.indicatoren WHERE indicator = 'inwoners'
UNION ALL
SELECT 'Gebiedsindeling: ' || omschrijving, geladen_op::date FROM hkd.geografie;

-- name: concentratie_reeks
-- Per date of :data (an array): the places in use on that date and the inhabitants of every residential CBS buurt
-- (inhabitants known and above zero), as spreiding_buurt gives them per date, as two arrays in the same buurt order
-- (one row per date, not one per date and buurt: 168,000 rows at national scale). The inhabitants that count for a
-- year are kept in hkd.inwoners_buurt_bepaald (migration 570), looked up by the year clamped into its range.
WITH peil AS (
    SELECT d::date AS op, least(greatest(extract(year FROM d)::int, b.eerste), b.laatste) AS jaar
    FROM unnest(CAST(:data AS date[])) AS d,
         (SELECT min(geldig_jaar) AS eerste, max(geldig_jaar) AS laatste FROM hkd.inwoners_buurt_bepaald) b
),
loc AS (
    SELECT p.op, l.buurt_code, sum(l.plaatsen)::int AS plaatsen
    FROM peil p
    JOIN hkd.locaties l
      ON (l.in_gebruik_sinds IS NULL OR l.in_gebruik_sinds <= p.op)
     AND (l.buiten_gebruik_sinds IS NULL OR l.buiten_gebruik_sinds > p.op)
    WHERE l.buurt_code IS NOT NULL
    GROUP BY p.op, l.buurt_code
)
SELECT p.op, array_agg(coalesce(loc.plaatsen, 0)) AS plaatsen, array_agg(i.waarde) AS inwoners
FROM peil p
JOIN hkd.inwoners_buurt_bepaald i ON i.geldig_jaar = p.jaar
JOIN hkd.gebieden g ON g.niveau = 'buurt' AND g.code = i.gebied_code
LEFT JOIN loc ON loc.op = p.op AND loc.buurt_code = g.code
WHERE i.waarde > 0
GROUP BY p.op;
