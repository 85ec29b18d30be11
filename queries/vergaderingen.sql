-- name: maak_vergadering
-- Create a meeting in preparation (one per type and date).
INSERT INTO hkd.vergaderingen (soort, datum, plaats) VALUES (:soort, :datum, :plaats)
RETURNING id;

-- name: vergadering_op_id
-- One meeting.
SELECT id, soort, datum, plaats, status, versie, huidig_punt_id, voorzitter FROM hkd.vergaderingen WHERE id = :id;

-- name: vergaderingen_lijst
-- Every meeting, newest first, with the number of decisions and open actions.
SELECT v.id, v.soort, v.datum, v.plaats, v.status, v.versie,
       (SELECT count(*) FROM hkd.vergadering_besluiten b WHERE b.vergadering_id = v.id)::int AS besluiten,
       (SELECT count(*) FROM hkd.vergadering_acties a
         WHERE a.vergadering_id = v.id AND a.status = 'open')::int AS open_acties
FROM hkd.vergaderingen v
ORDER BY v.datum DESC, v.soort;

-- name: vorige_gehouden
-- The date of the latest HELD meeting of a type before a date (NULL when none).
SELECT max(datum) FROM hkd.vergaderingen
WHERE soort = :soort AND datum < :datum AND status IN ('gehouden', 'verslag_verstuurd');

-- name: gehouden_data
-- The dates of every HELD meeting of a type up to a date, oldest first (the Platform's rhythm).
SELECT datum FROM hkd.vergaderingen
WHERE soort = :soort AND datum <= :datum AND status IN ('gehouden', 'verslag_verstuurd')
ORDER BY datum;

-- name: voeg_deelnemer_toe
-- Add an attendee (organisation, person by role); twice is once.
INSERT INTO hkd.vergadering_deelnemers (vergadering_id, organisatie, rol, aanwezig)
VALUES (:vergadering_id, :organisatie, :rol, :aanwezig)
ON CONFLICT (vergadering_id, organisatie, rol) DO UPDATE SET aanwezig = EXCLUDED.aanwezig;

-- name: deelnemers
-- The attendees of a meeting.
SELECT organisatie, rol, aanwezig FROM hkd.vergadering_deelnemers
WHERE vergadering_id = :vergadering_id ORDER BY organisatie, rol;

-- name: verhoog_versie
-- Optimistic concurrency: bump the version only when it is still the one the editor saw (no row: refused).
UPDATE hkd.vergaderingen SET versie = versie + 1, gewijzigd_op = now()
WHERE id = :id AND versie = :versie
RETURNING versie;

-- name: voeg_punt_toe
-- Add an agenda item (a proposal or by hand); an item already there with this source and key stays as it is.
INSERT INTO hkd.agendapunten (vergadering_id, bron, sleutel, titel, redenen, gewicht, volgorde, status, hamerstuk,
                              handmatig, tekst, locatie_id)
VALUES (:vergadering_id, :bron, :sleutel, :titel, :redenen, :gewicht,
        coalesce(CAST(:volgorde AS integer), (SELECT coalesce(max(volgorde), 0) + 1 FROM hkd.agendapunten
                             WHERE vergadering_id = :vergadering_id)),
        :status, :hamerstuk, :handmatig, :tekst, :locatie_id)
ON CONFLICT (vergadering_id, bron, sleutel) DO NOTHING
RETURNING id;

-- name: agendapunten
-- The agenda items of a meeting in order (removed ones too; the page filters).
SELECT id, bron, sleutel, titel, redenen, gewicht, volgorde, status, hamerstuk, handmatig, tekst, locatie_id
FROM hkd.agendapunten WHERE vergadering_id = :vergadering_id
ORDER BY status IN ('reserve', 'verwijderd'), hamerstuk, volgorde, id;

-- name: zet_punt_status
-- Accept, remove or put back an agenda item of this meeting.
UPDATE hkd.agendapunten SET status = :status WHERE id = :id AND vergadering_id = :vergadering_id;

-- name: zet_punt_volgorde
-- The place of an agenda item in its meeting.
UPDATE hkd.agendapunten SET volgorde = :volgorde WHERE id = :id AND vergadering_id = :vergadering_id;

-- name: aanvaard_voorgestelde
-- Fixing the agenda: what is still proposed is accepted.
UPDATE hkd.agendapunten SET status = 'aanvaard' WHERE vergadering_id = :vergadering_id AND status = 'voorgesteld';

-- name: zet_status
-- The status of a meeting.
UPDATE hkd.vergaderingen SET status = :status WHERE id = :id;

-- name: zet_huidig_punt
-- Move the current item; only the chair moves it (the first one to move it takes the chair).
UPDATE hkd.vergaderingen SET huidig_punt_id = :punt_id, voorzitter = coalesce(voorzitter, hkd.current_gebruiker())
WHERE id = :id AND coalesce(voorzitter, hkd.current_gebruiker()) = hkd.current_gebruiker()
  AND (CAST(:punt_id AS bigint) IS NULL
       OR EXISTS (SELECT 1 FROM hkd.agendapunten p WHERE p.id = :punt_id AND p.vergadering_id = :id))
RETURNING huidig_punt_id;

-- name: neem_voorzitterschap
-- Take the chair (the one who moves the current item for every screen).
UPDATE hkd.vergaderingen SET voorzitter = hkd.current_gebruiker() WHERE id = :id;

-- name: live_stand
-- What a following screen polls: the current item, the version of the agenda, the number of decisions.
SELECT v.huidig_punt_id, v.versie, v.voorzitter, v.status,
       (SELECT count(*) FROM hkd.vergadering_besluiten b WHERE b.vergadering_id = v.id)::int AS besluiten
FROM hkd.vergaderingen v WHERE v.id = :id;

-- name: voeg_besluit_toe
-- Append a decision to the besluitenlijst of a meeting.
INSERT INTO hkd.vergadering_besluiten (vergadering_id, agendapunt_id, soort, tekst, fase_besluit_id, locatie_id)
VALUES (:vergadering_id, :agendapunt_id, :soort, :tekst, :fase_besluit_id, :locatie_id)
RETURNING id;

-- name: besluitenlijst
-- The besluitenlijst of a meeting in recording order (row-level security: a provider sees its own only).
SELECT b.id, b.soort, b.tekst, p.titel AS agendapunt, l.code, l.naam, f.fase, f.ingangsdatum, f.corrigeert_id,
       b.fase_besluit_id, b.vastgelegd_door, b.vastgelegd_op
FROM hkd.vergadering_besluiten b
LEFT JOIN hkd.agendapunten p ON p.id = b.agendapunt_id
LEFT JOIN hkd.locaties l ON l.id = b.locatie_id
LEFT JOIN hkd.fase_besluiten f ON f.id = b.fase_besluit_id
WHERE b.vergadering_id = :vergadering_id
ORDER BY b.vastgelegd_op, b.id;

-- name: voorstel_locatie
-- The location and kind of a provider's proposal (for its line in the besluitenlijst).
SELECT locatie_id, soort FROM hkd.voorstellen WHERE id = :id;

-- name: eigen_besluiten
-- Decisions a provider may see (row-level security), with the meeting's type and date.
SELECT v.soort, v.datum, b.soort AS besluit_soort, b.tekst, l.code, l.naam
FROM hkd.vergadering_besluiten b
JOIN hkd.vergaderingen v ON v.id = b.vergadering_id
LEFT JOIN hkd.locaties l ON l.id = b.locatie_id
ORDER BY v.datum DESC, b.id;

-- name: voeg_actie_toe
-- Record an action item of a meeting.
INSERT INTO hkd.vergadering_acties (vergadering_id, agendapunt_id, omschrijving, eigenaar, deadline, locatie_id)
VALUES (:vergadering_id, :agendapunt_id, :omschrijving, :eigenaar, :deadline, :locatie_id)
RETURNING id;

-- name: zet_actie_status
-- Close (or reopen) an action item, noting the meeting that did it.
UPDATE hkd.vergadering_acties
SET status = :status, afgehandeld_in_id = CASE WHEN :status = 'open' THEN NULL ELSE :vergadering_id END
WHERE id = :id;

-- name: acties
-- The action items recorded at a meeting.
SELECT a.id, a.omschrijving, a.eigenaar, a.deadline, a.status, p.titel AS agendapunt, l.code
FROM hkd.vergadering_acties a
LEFT JOIN hkd.agendapunten p ON p.id = a.agendapunt_id
LEFT JOIN hkd.locaties l ON l.id = a.locatie_id
WHERE a.vergadering_id = :vergadering_id
ORDER BY a.id;

-- name: open_acties
-- Action items of meetings before a date that are still open (they come back on the next agenda until done).
SELECT a.id, a.omschrijving, a.eigenaar, a.deadline, a.locatie_id, v.datum AS vergadering_datum
FROM hkd.vergadering_acties a
JOIN hkd.vergaderingen v ON v.id = a.vergadering_id
WHERE a.status = 'open' AND v.datum < :datum
ORDER BY a.deadline NULLS LAST, a.id;

-- name: aantal_vergaderingen
-- How many meetings are recorded (the demo adds its meeting history only once).
SELECT count(*) FROM hkd.vergaderingen;

-- name: fase_besluiten_van_overleggen
-- Fase decisions recorded with a meeting date (the demo links them to its meetings).
SELECT id, locatie_id, overleg_datum, fase, reden FROM hkd.fase_besluiten
WHERE overleg_datum IS NOT NULL ORDER BY id;
