-- One audit entry per file load (issue 24): what was loaded, from which file, how many rows were new, replaced or
-- skipped. The row triggers audit every row already; this entry says which load they belonged to. The layer roles
-- cannot write hkd.audit_log themselves, so a SECURITY DEFINER function writes the one kind of entry a load may
-- add: action LOAD, one of the loaded tables, a small JSON object, attributed to the acting user.

CREATE FUNCTION hkd.audit_laden(p_tabel text, p_gegevens jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
BEGIN
    IF p_tabel IS NULL OR p_tabel NOT IN ('meldingen', 'uitstroom', 'corporatie_bezit', 'locaties') THEN
        RAISE EXCEPTION 'audit_laden: geen laadbare tabel: %', p_tabel USING ERRCODE = 'check_violation';
    END IF;
    IF p_gegevens IS NULL OR jsonb_typeof(p_gegevens) <> 'object' OR octet_length(p_gegevens::text) > 4000 THEN
        RAISE EXCEPTION 'audit_laden: gegevens horen een klein JSON-object te zijn' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO hkd.audit_log (gebruiker, actie, tabel, gegevens)
    VALUES (hkd.current_gebruiker(), 'LOAD', p_tabel, p_gegevens);
END $$;
REVOKE ALL ON FUNCTION hkd.audit_laden(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hkd.audit_laden(text, jsonb) TO hkd_aanbieder, hkd_beheer;
