-- name: overleg_data
-- Dates of the meetings that recorded something (fase decisions or beheer-status), oldest first.
SELECT overleg_datum AS datum FROM hkd.fase_besluiten WHERE overleg_datum IS NOT NULL
UNION
SELECT overleg_datum FROM hkd.beheer_status WHERE overleg_datum IS NOT NULL
ORDER BY datum;

-- name: vorig_overleg
-- The latest meeting before a date (NULL when there is none).
SELECT max(d) FROM (
    SELECT overleg_datum AS d FROM hkd.fase_besluiten WHERE overleg_datum < :datum
    UNION ALL
    SELECT overleg_datum FROM hkd.beheer_status WHERE overleg_datum < :datum
) m;

-- name: fase_wijzigingen
-- Locations whose fase on :datum differs from the fase in force just before the previous meeting (:vorige),
-- so that what the previous meeting decided and what changed since both come back on the agenda.
SELECT n.locatie_id, v.fase AS fase_was, n.fase AS fase_nu
FROM hkd.fase_op(:datum) n
LEFT JOIN hkd.fase_op(CAST(:vorige AS date) - 1) v ON v.locatie_id = n.locatie_id
WHERE v.fase IS DISTINCT FROM n.fase;

-- name: besluitenlijst
-- Everything a meeting recorded: fase decisions and beheer-status entries, in the order they were recorded
-- (within one transaction: fase decisions first).
SELECT * FROM (
SELECT 'fase' AS soort, b.id, l.code, l.naam, b.ingangsdatum, b.fase, NULL::text AS beheercommissie,
       NULL::text AS beheerconvenant, NULL::date AS convenant_datum, NULL::boolean AS meldingenregister,
       b.reden AS toelichting, b.corrigeert_id, b.vastgelegd_door, b.vastgelegd_op
FROM hkd.fase_besluiten b JOIN hkd.locaties l ON l.id = b.locatie_id
WHERE b.overleg_datum = :datum
UNION ALL
SELECT 'beheer', s.id, l.code, l.naam, s.ingangsdatum, NULL, s.beheercommissie, s.beheerconvenant,
       s.convenant_datum, s.meldingenregister, s.toelichting, NULL, s.vastgelegd_door, s.vastgelegd_op
FROM hkd.beheer_status s JOIN hkd.locaties l ON l.id = s.locatie_id
WHERE s.overleg_datum = :datum
) besluiten
ORDER BY vastgelegd_op, soort = 'beheer', id;

-- name: fase_wijzigingen_sinds
-- Locations whose fase on :datum differs from the fase in force at the end of the meeting on :vorige.
SELECT n.locatie_id, v.fase AS fase_was, n.fase AS fase_nu
FROM hkd.fase_op(:datum) n
LEFT JOIN hkd.fase_op(:vorige) v ON v.locatie_id = n.locatie_id
WHERE v.fase IS DISTINCT FROM n.fase;
