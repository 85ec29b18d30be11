-- name: log_inzage
-- Record a view of address-level data (who, when, what) for the DPIA; the function names user and role itself.
SELECT hkd.log_inzage(:onderdeel, :omschrijving, CAST(:details AS jsonb));
