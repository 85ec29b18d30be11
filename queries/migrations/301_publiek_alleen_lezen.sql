-- Issue 23: the public login can only read, briefly.
--
-- 1. No SECURITY DEFINER function that writes is executable by the public login (or a provider's): login events
--    are written from the server side, through the HKD layer's pool (dashboard.auth._meld), never by the layer the
--    person is in. publiek.meld_aanmelding stays (its signature is part of the allow-list) but only hkd_beheer may
--    execute it. tests/security/test_publiek_alleen_lezen.py fails on any VOLATILE SECURITY DEFINER function the
--    public login can call.
-- 2. Time and connection limits per login role are set after every migration run (queries/roles.sql rol_grenzen,
--    documented in docs/database-rollen.md).
-- 3. The heavy public functions check their arguments before any work: a level that exists (not the whole
--    municipality as one area), a year in 1990-2100, a threshold between 0 and 10^6; anything else is refused at
--    once. What bounds a legitimate call's time is the statement_timeout of the login (one call takes seconds);
--    because SET can lift a role's default, the check refuses a call on a layer login without a timeout in force.

REVOKE EXECUTE ON FUNCTION publiek.meld_aanmelding(text, text) FROM hkd_publiek, hkd_aanbieder, PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.meld_aanmelding(text, text) TO hkd_beheer;

-- One check for the three functions (SECURITY DEFINER: the layers cannot read hkd.indicatoren or hkd.gebieden).
CREATE FUNCTION publiek.controleer_raster_argumenten(p_niveau text, p_indicator text, p_jaar integer,
                                                     p_minimum double precision DEFAULT 10,
                                                     p_naar_niveau text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
DECLARE
    grens_ms bigint := (SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout');
BEGIN
    -- A role setting is only a default that SET can lift: a call on the public or a provider's login runs only
    -- with a statement_timeout in force (at most a minute), so this call cannot hold a backend longer.
    IF (session_user::text = 'hkd_app_publiek' OR session_user::text LIKE 'hkd\_aanbieder\_%')
       AND (grens_ms = 0 OR grens_ms > 60000) THEN
        RAISE EXCEPTION 'het raster en de interpolatie rekenen alleen met een tijdslimiet (statement_timeout van '
                        'hoogstens een minuut)' USING ERRCODE = '57014';
    END IF;
    IF p_niveau IS NULL OR length(p_niveau) > 40
       OR NOT EXISTS (SELECT 1 FROM hkd.gebieden g WHERE g.niveau = p_niveau AND g.niveau <> 'gemeente') THEN
        RAISE EXCEPTION 'onbekend niveau voor het raster of de interpolatie' USING ERRCODE = '22023';
    END IF;
    IF p_naar_niveau IS NOT NULL AND (length(p_naar_niveau) > 40
       OR NOT EXISTS (SELECT 1 FROM hkd.gebieden g WHERE g.niveau = p_naar_niveau AND g.niveau <> 'gemeente')) THEN
        RAISE EXCEPTION 'onbekend doelniveau voor de interpolatie' USING ERRCODE = '22023';
    END IF;
    IF p_jaar IS NULL OR p_jaar NOT BETWEEN 1990 AND 2100 THEN
        RAISE EXCEPTION 'jaar % valt buiten 1990-2100', p_jaar USING ERRCODE = '22023';
    END IF;
    IF length(p_indicator) > 64 THEN
        RAISE EXCEPTION 'onbekende indicator' USING ERRCODE = '22023';
    END IF;
    -- Veerkracht, footnote 6: a square with fewer than 10 is never shown; no login may ask for less.
    IF p_minimum IS NULL OR p_minimum = 'NaN'::float8 OR p_minimum NOT BETWEEN 10 AND 1000000 THEN
        RAISE EXCEPTION 'minimum moet tussen 10 (de drempel voor kleine aantallen) en 1.000.000 liggen'
            USING ERRCODE = '22023';
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION publiek.controleer_raster_argumenten(text, text, integer, double precision, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.controleer_raster_argumenten(text, text, integer, double precision, text)
    TO hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The three functions keep their signature, body and result: each body (migrations 181, 183, 184) moves to schema
-- hkd under a name of its own, executable only by its owner, and the public name becomes a wrapper that checks the
-- arguments first, so a refused call does no work.
ALTER FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision) RENAME TO raster_100m_onbegrensd;
ALTER FUNCTION publiek.raster_100m_onbegrensd(text, text, integer, boolean, double precision) SET SCHEMA hkd;
ALTER FUNCTION publiek.interpoleer(text, text, text, integer, boolean) RENAME TO interpoleer_onbegrensd;
ALTER FUNCTION publiek.interpoleer_onbegrensd(text, text, text, integer, boolean) SET SCHEMA hkd;
ALTER FUNCTION publiek.raster_dominante_corporatie(text, integer) RENAME TO raster_dominante_corporatie_onbegrensd;
ALTER FUNCTION publiek.raster_dominante_corporatie_onbegrensd(text, integer) SET SCHEMA hkd;
REVOKE EXECUTE ON FUNCTION hkd.raster_100m_onbegrensd(text, text, integer, boolean, double precision),
                           hkd.interpoleer_onbegrensd(text, text, text, integer, boolean),
                           hkd.raster_dominante_corporatie_onbegrensd(text, integer)
    FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE FUNCTION publiek.raster_100m(p_niveau text, p_indicator text, p_jaar integer, p_aantal boolean,
                                    p_minimum double precision DEFAULT 10)
RETURNS TABLE (cel_x integer, cel_y integer, waarde double precision, dekking double precision,
               lon double precision, lat double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_niveau, p_indicator, p_jaar, p_minimum);
    RETURN QUERY SELECT * FROM hkd.raster_100m_onbegrensd(p_niveau, p_indicator, p_jaar, p_aantal, p_minimum);
END $$;

CREATE FUNCTION publiek.interpoleer(p_van_niveau text, p_naar_niveau text, p_indicator text, p_jaar integer,
                                    p_aantal boolean)
RETURNS TABLE (gebied_code text, waarde double precision, dekking double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_van_niveau, p_indicator, p_jaar, 10, p_naar_niveau);
    RETURN QUERY SELECT * FROM hkd.interpoleer_onbegrensd(p_van_niveau, p_naar_niveau, p_indicator, p_jaar,
                                                           p_aantal);
END $$;

CREATE FUNCTION publiek.raster_dominante_corporatie(p_niveau text, p_jaar integer)
RETURNS TABLE (cel_x integer, cel_y integer, gebied_code text, corporatie text, aandeel double precision,
               lon double precision, lat double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_niveau, NULL, p_jaar);
    RETURN QUERY SELECT * FROM hkd.raster_dominante_corporatie_onbegrensd(p_niveau, p_jaar);
END $$;

REVOKE EXECUTE ON FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision),
                           publiek.interpoleer(text, text, text, integer, boolean),
                           publiek.raster_dominante_corporatie(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision),
                          publiek.interpoleer(text, text, text, integer, boolean),
                          publiek.raster_dominante_corporatie(text, integer)
    TO hkd_publiek, hkd_aanbieder, hkd_beheer;
