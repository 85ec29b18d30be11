-- name: gezien
-- Whether an OIDC session may continue: NULL, or why it ended (uitgelogd | inactief | verlopen); migration 350.
SELECT hkd.sessie_gezien(:sleutel, :inactief_minuten, :verloopt_op) AS einde;

-- name: beeindigen
-- End an OIDC session for good (logging out): a copy of its cookie is refused from now on.
SELECT hkd.sessie_beeindigen(:sleutel, :verloopt_op);

-- name: openen
-- Open a named session for a signed-in person in a layer (the server, naming nobody itself); returns its secret.
SELECT hkd.sessie_openen(:gebruiker, :laag, :inactief_minuten, :verloopt_op) AS geheim;
