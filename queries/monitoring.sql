-- name: vergadering_toevoegen
-- Record one beheercommissie meeting (append-only; the trigger names the recorder and refuses future dates).
INSERT INTO hkd.commissie_vergaderingen (locatie_id, datum, aanwezig, verslag)
VALUES (:locatie_id, :datum, CAST(:aanwezig AS text[]), :verslag)
RETURNING id;

-- name: vergaderingen
-- The meetings of one location, newest first.
SELECT id, datum, aanwezig, verslag, vastgelegd_door
FROM hkd.commissie_vergaderingen
WHERE locatie_id = :locatie_id
ORDER BY datum DESC, id DESC;

-- name: laatste_vergaderingen
-- Per visible location: fase on :op, the last commissie meeting on or before :op.
SELECT l.id, l.code, l.naam, f.fase, max(v.datum) AS laatste
FROM hkd.locaties l
LEFT JOIN hkd.fase_op(CAST(:op AS date)) f ON f.locatie_id = l.id
LEFT JOIN hkd.commissie_vergaderingen v ON v.locatie_id = l.id AND v.datum <= :op
GROUP BY l.id, l.code, l.naam, f.fase
ORDER BY l.code;

-- name: verbeteractie_toevoegen
-- Record a verbeteractie, or a new version of one (:vervangt_id), append-only.
INSERT INTO hkd.verbeteracties (locatie_id, actie, eigenaar, deadline, status, vervangt_id)
VALUES (:locatie_id, :actie, :eigenaar, :deadline, :status, :vervangt_id)
RETURNING id;

-- name: verbeteracties
-- The current version of every verbeteractie (not replaced by a later row), visible locations, by deadline.
SELECT a.id, a.locatie_id, l.code, l.naam, a.actie, a.eigenaar, a.deadline, a.status, a.vastgelegd_op
FROM hkd.verbeteracties a
JOIN hkd.locaties l ON l.id = a.locatie_id
WHERE NOT EXISTS (SELECT 1 FROM hkd.verbeteracties n WHERE n.vervangt_id = a.id)
  AND (CAST(:locatie_id AS integer) IS NULL OR a.locatie_id = :locatie_id)
ORDER BY a.deadline, a.id;

-- name: extra_inzet_toevoegen
-- Record a period of extra inzet (fase 3b), append-only.
INSERT INTO hkd.extra_inzet (locatie_id, maatregel, van, tot, toelichting, corrigeert_id)
VALUES (:locatie_id, :maatregel, :van, :tot, :toelichting, :corrigeert_id)
RETURNING id;

-- name: extra_inzet
-- The extra inzet of one location (not corrected by a later row), newest first.
SELECT e.id, e.maatregel, e.van, e.tot, e.toelichting
FROM hkd.extra_inzet e
WHERE e.locatie_id = :locatie_id AND NOT EXISTS (SELECT 1 FROM hkd.extra_inzet c WHERE c.corrigeert_id = e.id)
ORDER BY e.van DESC, e.id DESC;

-- name: planning_toevoegen
-- Set (append) the priority and target date of an inventory action of a location.
INSERT INTO hkd.planning_acties (locatie_id, soort, prioriteit, streefdatum)
VALUES (:locatie_id, :soort, :prioriteit, :streefdatum)
RETURNING id;

-- name: planning
-- The latest plan per location and action, with the date the action was done per the beheer-status history
-- (commissie: first 'actief' after the plan's start; convenant: first 'actueel' after it), visible locations.
WITH plan AS (
    SELECT DISTINCT ON (p.locatie_id, p.soort) p.*
    FROM hkd.planning_acties p
    ORDER BY p.locatie_id, p.soort, p.id DESC
)
SELECT p.locatie_id, l.code, l.naam, p.soort, p.prioriteit, p.streefdatum,
       (SELECT min(s.ingangsdatum) FROM hkd.beheer_status s
        WHERE s.locatie_id = p.locatie_id AND s.ingangsdatum > :sinds
          AND CASE p.soort WHEN 'commissie' THEN s.beheercommissie = 'actief'
                           ELSE s.beheerconvenant = 'actueel' END) AS gereed_op
FROM plan p
JOIN hkd.locaties l ON l.id = p.locatie_id
ORDER BY p.prioriteit, p.streefdatum, l.code, p.soort;

-- name: heeft_vergaderingen
-- Whether any commissie meeting was recorded (the demo adds its meetings only once).
SELECT EXISTS (SELECT 1 FROM hkd.commissie_vergaderingen);

-- name: beheersafspraak_toevoegen
-- Record (append) that an agreement of one kind (client, gemeente) is in place for a location from a date, with
-- what was agreed in a few words (HKD any location; a provider the kind client for its own, migration 500).
INSERT INTO hkd.beheersafspraken (locatie_id, soort, datum, omschrijving)
VALUES (:locatie_id, :soort, :datum, :omschrijving)
RETURNING id;

-- name: beheersafspraken_historie
-- Every recorded agreement of one location the reader may see, newest first (the history is append-only).
SELECT id, soort, datum, omschrijving, vastgelegd_door, vastgelegd_op
FROM hkd.beheersafspraken
WHERE locatie_id = :locatie_id
ORDER BY datum DESC, id DESC;

-- name: beheersafspraken_op
-- Per kind, the date since which the agreement is in place on :op (the latest recorded row up to :op), for one
-- location the reader may see.
SELECT soort, max(datum) AS sinds
FROM hkd.beheersafspraken
WHERE locatie_id = :locatie_id AND datum <= :op
GROUP BY soort;
