-- name: locaties_met_fase_op
-- Every location with its fase on a date (NULL before its first decision), for lists and maps.
SELECT l.id, l.code, l.naam, a.naam AS aanbieder, w.naam AS woonvorm, l.plaatsen, l.pc4, l.buurt_code,
       b.naam AS buurt, f.fase, f.ingangsdatum AS fase_sinds
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.gebieden b ON b.niveau = 'buurt' AND b.code = l.buurt_code
LEFT JOIN hkd.fase_op(:datum) f ON f.locatie_id = l.id
ORDER BY l.code;
