-- name: ring_tellingen
-- Facilities and places within each radius (metres, RD New) of the candidate point: ST_DWithin on the GiST index.
SELECT r.straal, count(l.id)::int AS voorzieningen, coalesce(sum(l.plaatsen), 0)::int AS plaatsen
FROM unnest(CAST(:ringen AS integer[])) AS r(straal)
LEFT JOIN hkd.locaties l ON ST_DWithin(l.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), r.straal)
GROUP BY r.straal
ORDER BY r.straal;

-- name: kandidaat_gebieden
-- The areas the candidate point falls in, and whether it lies inside the municipality.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint(:x, :y), 28992) AS g)
SELECT b.code AS buurt_code, b.naam AS buurt, w.naam AS wijkprofiel, w.code AS wijkprofiel_code, pc.code AS pc4,
       (NOT EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente')
        OR EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente' AND ST_Intersects(geom, p.g))) AS in_gemeente
FROM p
LEFT JOIN LATERAL (SELECT code, naam FROM hkd.gebieden WHERE niveau = 'buurt' AND ST_Intersects(geom, p.g)
                   ORDER BY code LIMIT 1) b ON true
LEFT JOIN LATERAL (SELECT code, naam FROM hkd.gebieden WHERE niveau = 'wijkprofiel' AND ST_Intersects(geom, p.g)
                   ORDER BY code LIMIT 1) w ON true
LEFT JOIN LATERAL (SELECT code FROM hkd.gebieden WHERE niveau = 'pc4' AND ST_Intersects(geom, p.g)
                   ORDER BY code LIMIT 1) pc ON true;

-- name: buurt_plaatsen
-- Facilities, places and the latest population of one buurt.
SELECT (SELECT count(*) FROM hkd.locaties WHERE buurt_code = :buurt)::int AS voorzieningen,
       (SELECT coalesce(sum(plaatsen), 0) FROM hkd.locaties WHERE buurt_code = :buurt)::int AS plaatsen,
       i.waarde AS inwoners, i.jaar AS inwoners_jaar
FROM (SELECT 1) one
LEFT JOIN LATERAL (SELECT waarde, jaar FROM hkd.indicatoren
                   WHERE niveau = 'buurt' AND gebied_code = :buurt AND indicator = 'inwoners'
                   ORDER BY jaar DESC LIMIT 1) i ON true;

-- name: scan_bronnen
-- The source of every indicator series the scan reads for its buurt and Wijkprofiel wijk, with first and last year.
SELECT i.indicator, i.bron, min(i.jaar)::int AS van, max(i.jaar)::int AS tot
FROM hkd.indicatoren i
WHERE (i.niveau = 'buurt' AND i.gebied_code = :buurt AND i.indicator = ANY(:buurt_indicatoren))
   OR (i.niveau = 'wijkprofiel' AND i.gebied_code = :wijkprofiel AND i.indicator = ANY(:wijkprofiel_indicatoren))
GROUP BY i.indicator, i.bron
ORDER BY i.indicator, i.bron;

-- name: nabije_locaties
-- Every location within :straal metres of the candidate, nearest first, with today's fase (address level).
SELECT l.code, l.naam, a.naam AS aanbieder, w.naam AS woonvorm, l.plaatsen, f.fase,
       ST_Distance(l.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992)) AS afstand_m,
       ST_X(l.geom) AS x, ST_Y(l.geom) AS y
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.fase_op(:datum) f ON f.locatie_id = l.id
WHERE ST_DWithin(l.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :straal)
ORDER BY afstand_m, l.code;

-- name: indicator_reeks
-- All years of some indicators for one area.
SELECT indicator, jaar, waarde FROM hkd.indicatoren
WHERE niveau = :niveau AND gebied_code = :code AND indicator = ANY(CAST(:indicatoren AS text[]))
ORDER BY indicator, jaar;

-- name: veerkracht_reeksen
-- The two Veerkracht indicators of every buurt (the classification compares a buurt with all others).
SELECT gebied_code, jaar, indicator, waarde FROM hkd.indicatoren
WHERE niveau = 'buurt' AND indicator IN ('kwetsbare_groepen', 'overlast_onveiligheid')
ORDER BY indicator, gebied_code, jaar;

-- name: omgeving
-- Outlines of the buurten around the candidate, clipped to a square of :half metres, RD New GeoJSON (for the PDF).
WITH env AS (SELECT ST_Expand(ST_SetSRID(ST_MakePoint(:x, :y), 28992), :half) AS g)
SELECT ST_AsGeoJSON(ST_Boundary(ST_Intersection(b.geom, env.g)), 1) AS geometry
FROM hkd.gebieden b, env
WHERE b.niveau = 'buurt' AND ST_Intersects(b.geom, env.g);

-- name: locaties_adres
-- All locations at address level with today's fase and the point in WGS84 (hkd only; logged by the caller).
SELECT l.code, l.naam, a.naam AS aanbieder, w.naam AS woonvorm, l.doelgroep, l.plaatsen, l.straat, l.huisnummer,
       l.postcode, l.pc4, f.fase, ST_X(ST_Transform(l.geom, 4326)) AS lon, ST_Y(ST_Transform(l.geom, 4326)) AS lat
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.fase_op(:datum) f ON f.locatie_id = l.id
ORDER BY l.code;

-- name: woonvormen
-- The woonvormen to choose from for a candidate.
SELECT code, naam FROM hkd.woonvormen ORDER BY volgorde;

-- name: wijk_notities
-- Qualitative notes about one wijk (CBS buurt), newest first.
SELECT cluster, tekst, auteur, geschreven_op FROM hkd.wijk_notities
WHERE buurt_code = :buurt
ORDER BY geschreven_op DESC, id DESC;

-- name: notitie_toevoegen
-- Append a note; the database sets author (the signed-in user) and time.
INSERT INTO hkd.wijk_notities (buurt_code, cluster, tekst) VALUES (:buurt, :cluster, :tekst)
RETURNING id, auteur, geschreven_op;

-- name: locaties_omgeving
-- Locations within :straal metres (RD New, ST_DWithin on the GiST index) of a point, with today's fase and the
-- point in WGS84: only what the scan map draws around the candidate (hkd only; logged by the caller).
SELECT l.code, l.naam, w.naam AS woonvorm, l.plaatsen, f.fase,
       round(ST_X(ST_Transform(l.geom, 4326))::numeric, 6)::float AS lon,
       round(ST_Y(ST_Transform(l.geom, 4326))::numeric, 6)::float AS lat
FROM hkd.locaties l
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN LATERAL (SELECT b.fase FROM hkd.fase_besluiten b  -- the stand on :datum, as hkd.fase_op, per location
                   WHERE b.locatie_id = l.id AND b.ingangsdatum <= :datum
                   ORDER BY b.ingangsdatum DESC, b.id DESC LIMIT 1) f ON true
WHERE ST_DWithin(l.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :straal)
ORDER BY l.code;

-- name: buurten_omgeving
-- Simplified display outlines (WGS84 GeoJSON) of the buurten within :straal metres of a point (RD New, GiST).
SELECT b.code, b.naam, ST_AsGeoJSON(b.geom_display, 5) AS geometry
FROM hkd.gebieden b
WHERE b.niveau = 'buurt' AND ST_DWithin(b.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :straal)
ORDER BY b.code;

-- name: gegevens_versie
-- The latest audited write (every change of locations, fase decisions and beheer-status, and every load of areas
-- or indicators lands in the audit log): with the date and the norms, the key of a cached scan (HKD only).
SELECT coalesce(max(id), 0) FROM hkd.audit_log;
