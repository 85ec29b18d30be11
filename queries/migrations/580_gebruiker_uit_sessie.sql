-- The person a transaction acts for comes from a live session, not from the caller's word.
--
-- Until now hkd.zet_gebruiker(name) bound whatever name the caller passed: free SQL on a provider's LOGIN role (an
-- injection) could write audit entries, decisions and notes as 'hkd' or anyone else. Now:
--   * the app opens a *named session* per signed-in person through hkd.sessie_openen (the server, on the HKD
--     layer's login, in a transaction that names nobody): a row of hkd.sessies with the person's name and layer,
--     keyed by the SHA-256 of a random secret that only the function's result carries (the table keeps the hash);
--   * hkd.zet_gebruiker(secret) binds the name of a live (not ended, not past its end) named session whose layer is
--     the caller's own database role; anything else is refused. Injected SQL can act only as a person whose
--     secret it already holds, and only in that person's layer;
--   * administrators (the CLI, importers, tests on the owner's or a superuser's engine) name a person through
--     hkd.zet_gebruiker_zonder_sessie, which no layer role may execute; their writes carry their own role in
--     audit_log.db_rol.
-- Sessions of the OIDC check (migration 350) have no name and cannot name anyone.

ALTER TABLE hkd.sessies
    ADD COLUMN gebruiker text CHECK (gebruiker IS NULL OR length(btrim(gebruiker)) BETWEEN 1 AND 200);

-- Its parameter is now the session's secret (a renamed parameter cannot be replaced in place).
DROP FUNCTION hkd.zet_gebruiker(text);
