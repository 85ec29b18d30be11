-- name: gezien
-- Whether an OIDC session may continue: NULL, or why it ended (uitgelogd | inactief | verlopen); migration 350.
SELECT hkd.sessie_gezien(:sleutel, :inactief_minuten, :verloopt_op) AS einde;

-- name: beeindigen
-- End an OIDC session for good (logging out): a copy of its cookie is refused from now on.
SELECT hkd.sessie_beeindigen(:sleutel, :verloopt_op);
