-- Logins, failed logins, lockouts and logouts in the audit log (issue 10). The dashboard calls this at the moment a
-- person acts on the login page, in the transaction of the layer they are in then (the public one before a login).
-- It lives in schema publiek because the public layer has no USAGE on schema hkd; it writes only a fixed set of
-- events, with the database's own record of the layer role next to the name the app reports.

CREATE FUNCTION publiek.meld_aanmelding(p_gebruiker text, p_gebeurtenis text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
BEGIN
    IF p_gebeurtenis NOT IN ('ingelogd', 'mislukt', 'geblokkeerd', 'uitgelogd') THEN
        RAISE EXCEPTION 'onbekende gebeurtenis %', p_gebeurtenis USING ERRCODE = '22023';
    END IF;
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (left(coalesce(p_gebruiker, ''), 64), hkd.laag_rol(), 'AANMELDING', 'aanmelding', NULL,
            jsonb_build_object('gebeurtenis', p_gebeurtenis));
END $$;
REVOKE EXECUTE ON FUNCTION publiek.meld_aanmelding(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.meld_aanmelding(text, text) TO hkd_publiek, hkd_aanbieder, hkd_beheer;
