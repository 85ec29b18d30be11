-- name: zet_rol
-- Switch this transaction to a layer role (the value is whitelisted in queries/lagen.py; set_config binds it).
SELECT set_config('role', :rol, true);

-- name: zet_context
-- Name the provider for this transaction only (kept for compatibility: row-level security reads the role itself).
SELECT set_config('hkd.aanbieder', :aanbieder, true);

-- name: zet_gebruiker
-- Bind the person of a live named session of this layer to this transaction (audit, inzage and *_door columns),
-- by the session's secret (migration 580); a second, different name in the same transaction is refused (302).
SELECT hkd.zet_gebruiker(:geheim);

-- name: zet_gebruiker_zonder_sessie
-- An administrator (owner or superuser: the hkd command, importers, tests) names the person of this transaction
-- without a session, before switching into a layer; no layer role may (migration 580).
SELECT hkd.zet_gebruiker_zonder_sessie(:gebruiker);

-- name: meld_aanmelding
-- Write a login event (ingelogd | mislukt | geblokkeerd | uitgelogd) to the audit log (migration 104).
SELECT publiek.meld_aanmelding(:gebruiker, :gebeurtenis);

-- name: alleen_lezen
-- The rest of this transaction reads only (a switch to read-only is allowed after the first statement).
SET TRANSACTION READ ONLY;
