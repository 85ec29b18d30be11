-- name: zet_rol
-- Switch this transaction to a layer role (the value is whitelisted in queries/lagen.py; set_config binds it).
SELECT set_config('role', :rol, true);

-- name: zet_context
-- Name the provider (row-level security) and the user (audit and inzage log) for this transaction only.
SELECT set_config('hkd.aanbieder', :aanbieder, true), set_config('hkd.gebruiker', :gebruiker, true);

-- name: meld_aanmelding
-- Write a login event (ingelogd | mislukt | geblokkeerd | uitgelogd) to the audit log (migration 104).
SELECT publiek.meld_aanmelding(:gebruiker, :gebeurtenis);
