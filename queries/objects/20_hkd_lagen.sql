-- The layers and logins: which provider and layer a transaction runs as, the provider's views, the inzage
-- log, login events and sessions.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

-- The layer role of this transaction as the database knows it: the role SET ROLE switched to (only possible
-- into a role the session is a member of), else the login. SECURITY DEFINER functions change current_user but not
-- the 'role' setting, so this answers the same inside them. Nothing a transaction can SET changes it beyond that.
CREATE OR REPLACE FUNCTION hkd.laag_rol() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(nullif(current_setting('role', true), 'none'), session_user::text)
$$;
REVOKE ALL ON FUNCTION hkd.laag_rol() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.laag_rol() TO hkd_aanbieder, hkd_beheer;

-- The provider of this transaction: the provider whose own role the transaction runs under (hkd_aanbieder_<code>).
-- Never read from a setting the transaction could change (such as hkd.aanbieder).
CREATE OR REPLACE FUNCTION hkd.eigen_aanbieder_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    SELECT id FROM hkd.aanbieders WHERE 'hkd_aanbieder_' || code = hkd.laag_rol()
$$;
REVOKE ALL ON FUNCTION hkd.eigen_aanbieder_id() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.eigen_aanbieder_id() TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.ziet_vertrouwelijk() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(pg_has_role(hkd.laag_rol(), 'hkd_beheer', 'USAGE'), false)
$$;
REVOKE ALL ON FUNCTION hkd.ziet_vertrouwelijk() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.ziet_vertrouwelijk() TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE VIEW hkd.aanbieder_pc4 WITH (security_barrier) AS
SELECT l.pc4, w.naam AS woonvorm, w.volgorde,
       string_agg(DISTINCT l.doelgroep, '; ' ORDER BY l.doelgroep) AS doelgroepen,
       count(*)::int AS voorzieningen, sum(l.plaatsen)::int AS plaatsen,
       count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       string_agg(DISTINCT a.naam, '; ' ORDER BY a.naam) AS aanbieders
FROM hkd.locaties l
JOIN hkd.woonvormen w ON w.code = l.woonvorm
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
WHERE l.pc4 IS NOT NULL AND (NOT w.vertrouwelijk OR hkd.ziet_vertrouwelijk())
GROUP BY l.pc4, w.naam, w.volgorde;
REVOKE ALL ON hkd.aanbieder_pc4 FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.aanbieder_pc4 TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE VIEW hkd.aanbieder_pc4_totaal WITH (security_barrier) AS
SELECT g.code AS pc4, g.naam AS plaats, count(l.id)::int AS voorzieningen,
       coalesce(sum(l.plaatsen), 0)::int AS plaatsen, count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       g.geom_display AS geom
FROM hkd.gebieden g
LEFT JOIN (hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm AND (NOT w.vertrouwelijk OR hkd.ziet_vertrouwelijk()))
    ON l.pc4 = g.code
WHERE g.niveau = 'pc4'
GROUP BY g.code, g.naam, g.geom_display;
REVOKE ALL ON hkd.aanbieder_pc4_totaal FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.aanbieder_pc4_totaal TO hkd_aanbieder, hkd_beheer;

-- Own locations in detail: runs with the invoker's rights, so row-level security decides which rows.
CREATE OR REPLACE VIEW hkd.mijn_locaties WITH (security_invoker = true) AS
SELECT l.id, l.code, l.naam, a.code AS aanbieder_code, a.naam AS aanbieder, w.naam AS woonvorm, l.doelgroep,
       l.plaatsen, l.straat, l.huisnummer, l.postcode, l.pc4, f.fase, f.ingangsdatum AS fase_sinds,
       s.beheercommissie, s.beheerconvenant, s.convenant_datum, s.meldingenregister, s.ingangsdatum AS beheer_sinds
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.fase_op(current_date) f ON f.locatie_id = l.id
LEFT JOIN hkd.beheer_op(current_date) s ON s.locatie_id = l.id;
REVOKE ALL ON hkd.mijn_locaties FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.mijn_locaties TO hkd_aanbieder, hkd_beheer;

-- The inzage log names the layer role and the provider as the database knows them.
CREATE OR REPLACE FUNCTION hkd.log_inzage(p_onderdeel text, p_omschrijving text, p_details jsonb DEFAULT '{}'::jsonb)
RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    INSERT INTO hkd.inzage_log (gebruiker, db_rol, aanbieder, onderdeel, omschrijving, details)
    VALUES (hkd.current_gebruiker(), hkd.laag_rol(),
            (SELECT a.code FROM hkd.aanbieders a WHERE a.id = hkd.eigen_aanbieder_id()),
            p_onderdeel, p_omschrijving, coalesce(p_details, '{}'::jsonb))
    RETURNING id
$$;
REVOKE ALL ON FUNCTION hkd.log_inzage(text,text,jsonb) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.log_inzage(text,text,jsonb) TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION publiek.meld_aanmelding(p_gebruiker text, p_gebeurtenis text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
BEGIN
    IF p_gebeurtenis NOT IN ('ingelogd', 'mislukt', 'geblokkeerd', 'uitgelogd') THEN
        RAISE EXCEPTION 'onbekende gebeurtenis %', p_gebeurtenis USING ERRCODE = '22023';
    END IF;
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (left(coalesce(p_gebruiker, ''), 64), hkd.laag_rol(), 'AANMELDING', 'aanmelding', NULL,
            jsonb_build_object('gebeurtenis', p_gebeurtenis));
END $$;
REVOKE ALL ON FUNCTION publiek.meld_aanmelding(text,text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION publiek.meld_aanmelding(text,text) TO hkd_beheer;

-- The end of a session, or NULL while it may continue (then its last activity is now). The first call records it.
CREATE OR REPLACE FUNCTION hkd.sessie_gezien(p_sleutel text, p_inactief_minuten integer, p_verloopt_op timestamptz)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
DECLARE
    s hkd.sessies;
    nu timestamptz := now();
BEGIN
    SELECT * INTO s FROM hkd.sessies WHERE sleutel = p_sleutel FOR UPDATE;
    IF NOT FOUND THEN
        IF p_verloopt_op <= nu THEN
            RETURN 'verlopen';
        END IF;
        -- rows end a day after their absolute end: the app refuses such a cookie without asking (its end is in it)
        DELETE FROM hkd.sessies WHERE verloopt_op < nu - interval '1 day';
        INSERT INTO hkd.sessies (sleutel, laag, inactief_na, verloopt_op)
        VALUES (p_sleutel, hkd.laag_rol(), make_interval(mins => p_inactief_minuten),
                least(p_verloopt_op, nu + interval '7 days'));
        RETURN NULL;
    END IF;
    IF s.laag IS DISTINCT FROM hkd.laag_rol() THEN
        RETURN 'verlopen';  -- another layer's session: this layer neither continues nor ends it
    END IF;
    IF s.beeindigd_op IS NOT NULL THEN
        RETURN s.reden;
    END IF;
    IF nu >= s.verloopt_op THEN
        UPDATE hkd.sessies SET beeindigd_op = nu, reden = 'verlopen' WHERE sleutel = p_sleutel;
        RETURN 'verlopen';
    END IF;
    IF nu - s.laatst_gezien > s.inactief_na THEN
        UPDATE hkd.sessies SET beeindigd_op = nu, reden = 'inactief' WHERE sleutel = p_sleutel;
        RETURN 'inactief';
    END IF;
    UPDATE hkd.sessies SET laatst_gezien = greatest(laatst_gezien, nu) WHERE sleutel = p_sleutel;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.sessie_gezien(text,integer,timestamp with time zone) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.sessie_gezien(text,integer,timestamp with time zone) TO hkd_aanbieder, hkd_beheer;

-- A named session (migrations 580, 595): the server opens one per signed-in person on its own login
-- hkd_app_sessies (no layer, no table, this function only), in a transaction that names nobody yet; no layer's
-- login may call it, so free SQL on any of them cannot open a session for anyone. The idle minutes are the app's
-- HKD_SESSIE_MINUTEN: hkd.zet_gebruiker refuses a session idle longer (its last use is its last activity).
-- Returns the secret hkd.zet_gebruiker takes; the table keeps only its SHA-256. Ends like any session: logout
-- (hkd.sessie_beeindigen, in its own layer) or its end, at most 7 days on.
CREATE OR REPLACE FUNCTION hkd.sessie_openen(p_gebruiker text, p_laag text, p_inactief_minuten integer,
                                             p_verloopt_op timestamptz) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
DECLARE
    geheim text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    naam text := btrim(coalesce(p_gebruiker, ''));
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.transactie_gebruiker t
               WHERE t.pid = pg_backend_pid() AND t.xact = pg_current_xact_id_if_assigned()) THEN
        RAISE EXCEPTION 'een sessie wordt geopend door de server, niet binnen de transactie van een persoon'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_laag IS NULL OR NOT (p_laag = 'hkd_beheer'
                              OR EXISTS (SELECT 1 FROM hkd.aanbieders a WHERE 'hkd_aanbieder_' || a.code = p_laag)) THEN
        RAISE EXCEPTION 'sessie_openen: geen laag die een persoon noemt: %', p_laag USING ERRCODE = '22023';
    END IF;
    IF p_verloopt_op IS NULL OR p_verloopt_op <= now() THEN
        RAISE EXCEPTION 'sessie_openen: het einde van een sessie ligt in de toekomst' USING ERRCODE = '22023';
    END IF;
    DELETE FROM hkd.sessies WHERE verloopt_op < now() - interval '1 day';
    INSERT INTO hkd.sessies (sleutel, laag, gebruiker, inactief_na, verloopt_op)
    VALUES (encode(sha256(convert_to(geheim, 'UTF8')), 'hex'), p_laag, naam,
            make_interval(mins => p_inactief_minuten), least(p_verloopt_op, now() + interval '7 days'));
    RETURN geheim;
END $$;
REVOKE ALL ON FUNCTION hkd.sessie_openen(text,text,integer,timestamp with time zone) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.sessie_openen(text,text,integer,timestamp with time zone) TO hkd_app_sessies;

-- Logging out: the session ends for good (also when it was never seen, so a cookie saved before cannot start it).
CREATE OR REPLACE FUNCTION hkd.sessie_beeindigen(p_sleutel text, p_verloopt_op timestamptz) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
BEGIN
    INSERT INTO hkd.sessies (sleutel, laag, inactief_na, verloopt_op, beeindigd_op, reden)
    VALUES (p_sleutel, hkd.laag_rol(), interval '1 minute',
            least(greatest(p_verloopt_op, now()), now() + interval '7 days'), now(), 'uitgelogd')
    ON CONFLICT (sleutel) DO UPDATE SET beeindigd_op = coalesce(hkd.sessies.beeindigd_op, now()),
                                        reden = coalesce(hkd.sessies.reden, 'uitgelogd')
        WHERE hkd.sessies.laag = EXCLUDED.laag;  -- only a session of this layer
END $$;
REVOKE ALL ON FUNCTION hkd.sessie_beeindigen(text,timestamp with time zone) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.sessie_beeindigen(text,timestamp with time zone) TO hkd_aanbieder, hkd_beheer;
