-- name: woonvorm_per_pc4
-- Facilities and places per PC4 and woonvorm.
SELECT l.pc4, w.naam AS woonvorm, count(*)::int AS voorzieningen, sum(l.plaatsen)::int AS plaatsen
FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm
GROUP BY l.pc4, w.naam, w.volgorde
ORDER BY l.pc4, w.volgorde;

-- name: plaatsen_per_buurt
-- Places per buurt with the latest population, per 1,000 inhabitants.
SELECT b.code, b.naam AS buurt, count(l.id)::int AS voorzieningen, coalesce(sum(l.plaatsen), 0)::int AS plaatsen,
       i.waarde::int AS inwoners,
       round((coalesce(sum(l.plaatsen), 0) * 1000.0 / nullif(i.waarde, 0))::numeric, 1)::float AS per_1000
FROM hkd.gebieden b
LEFT JOIN hkd.locaties l ON l.buurt_code = b.code
LEFT JOIN LATERAL (
    SELECT waarde FROM hkd.indicatoren
    WHERE niveau = 'buurt' AND gebied_code = b.code AND indicator = 'inwoners'
    ORDER BY jaar DESC LIMIT 1
) i ON true
WHERE b.niveau = 'buurt'
GROUP BY b.code, b.naam, i.waarde
ORDER BY per_1000 DESC NULLS LAST, b.naam;

-- name: indicator_per_buurt
-- One indicator for one year per area of a level, with outline.
SELECT g.code, g.naam, i.waarde, ST_AsGeoJSON(g.geom_display, 6) AS geometry
FROM hkd.gebieden g
LEFT JOIN hkd.indicatoren i
       ON i.niveau = g.niveau AND i.gebied_code = g.code AND i.indicator = :indicator AND i.jaar = :jaar
WHERE g.niveau = :niveau
ORDER BY g.code;

-- name: indicator_jaren
-- Which years an indicator has.
SELECT DISTINCT jaar FROM hkd.indicatoren WHERE indicator = :indicator ORDER BY jaar;

-- name: recente_audit
-- The latest entries of the audit log.
SELECT tijd, gebruiker, db_rol, actie, tabel, rij_id FROM hkd.audit_log ORDER BY id DESC LIMIT :n;

-- name: gebieden_per_niveau
-- Areas loaded per level.
SELECT niveau, count(*)::int AS aantal, min(jaar) AS jaar, min(bron) AS bron FROM hkd.gebieden GROUP BY niveau
ORDER BY niveau;
