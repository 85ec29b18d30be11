-- name: audit_laden
-- One audit entry for a file load (table, file, counts), whatever the layer (see migration 195).
SELECT hkd.audit_laden(:tabel, CAST(:gegevens AS jsonb));
