-- name: recente_audit
-- The latest entries of the audit log.
SELECT tijd, gebruiker, db_rol, actie, tabel, rij_id FROM hkd.audit_log ORDER BY id DESC LIMIT :n;

-- name: gebieden_per_niveau
-- Areas loaded per level.
SELECT niveau, count(*)::int AS aantal, min(jaar) AS jaar, min(bron) AS bron FROM hkd.gebieden GROUP BY niveau
ORDER BY niveau;
