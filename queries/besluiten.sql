-- name: insert_fase_besluit
-- Append one fase decision.
INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, overleg_datum, vastgelegd_door, corrigeert_id)
VALUES (:locatie_id, :fase, :ingangsdatum, :reden, :overleg_datum, :vastgelegd_door, :corrigeert_id)
RETURNING id;

-- name: insert_beheer_status
-- Append one beheer-status entry.
INSERT INTO hkd.beheer_status (locatie_id, ingangsdatum, beheercommissie, beheerconvenant, convenant_datum,
                               meldingenregister, toelichting, overleg_datum, vastgelegd_door)
VALUES (:locatie_id, :ingangsdatum, :beheercommissie, :beheerconvenant, :convenant_datum, :meldingenregister,
        :toelichting, :overleg_datum, :vastgelegd_door)
RETURNING id;

-- name: locaties_with_history
-- Locations that already have at least one decision (the demo does not add history twice).
SELECT DISTINCT locatie_id FROM hkd.fase_besluiten;

-- name: fase_counts_op
-- Number of locations per fase on a date (locations without a decision by then are not counted).
SELECT f.fase, count(*) AS aantal
FROM hkd.fase_op(:datum) f
GROUP BY f.fase;
