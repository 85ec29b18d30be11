-- The audit log records the layer role the write was made under. hkd.audit() is SECURITY DEFINER, so inside it
-- current_user is the function's owner; the role the session switched to (SET LOCAL ROLE hkd_beheer) is in the
-- 'role' setting.
CREATE OR REPLACE FUNCTION hkd.audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rij jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    rol text := coalesce(nullif(current_setting('role', true), 'none'), session_user::text);
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), rol, TG_OP, TG_TABLE_NAME, rij ->> 'id', rij - 'geom' - 'geom_display');
    RETURN NULL;
END $$;
