-- The server opens named sessions on a login of its own (hkd_app_sessies, created with the other roles by
-- queries/roles.sql ensure_roles). Until now hkd.sessie_openen was executable by the HKD layer, so free SQL on the
-- HKD login (an injection on a connection of its own) could open a named session for anyone and then act as that
-- person. The new login is a member of no layer role, owns nothing and may execute hkd.sessie_openen only (its
-- grant is in queries/objects/20_hkd_lagen.sql); it needs the schema to find the function, and reads no table.
GRANT USAGE ON SCHEMA hkd TO hkd_app_sessies;
