-- Sessions that end (issue 23). Streamlit's OIDC identity cookie is signed, not stored: logging out deletes it in
-- the browser, but a copy of it kept elsewhere stayed valid for its 30 days. The app now records every OIDC session
-- of a signed-in layer here, under a key derived from the ID token the cookie carries (issuer, subject, nonce,
-- issued-at: fresh for every login), and asks on every request whether it may continue:
--   * a session ended by logging out stays ended (the key is revoked; a copied cookie carries the same key);
--   * a session idle longer than its idle minutes ends ('inactief');
--   * a session past its absolute end ends ('verlopen'): the ID token's exp or issued-at + the maximum, whichever
--     comes first (the app computes that end from the cookie; the first call fixes it here, later calls cannot
--     move it).
-- Times are the database's own clock (now()), not a value the caller passes: nobody with SQL can keep a session
-- alive with a made-up time. The table is reachable only through the two functions below; no layer may read it.

CREATE TABLE hkd.sessies (
    sleutel      text PRIMARY KEY CHECK (sleutel ~ '^[0-9a-f]{64}$'),
    laag         text NOT NULL,
    begonnen_op  timestamptz NOT NULL DEFAULT now(),
    laatst_gezien timestamptz NOT NULL DEFAULT now(),
    inactief_na  interval NOT NULL CHECK (inactief_na > interval '0' AND inactief_na <= interval '1 day'),
    verloopt_op  timestamptz NOT NULL,
    beeindigd_op timestamptz,
    reden        text CHECK (reden IN ('uitgelogd', 'inactief', 'verlopen')),
    CHECK ((beeindigd_op IS NULL) = (reden IS NULL))
);
REVOKE ALL ON hkd.sessies FROM PUBLIC;

-- The end of a session, or NULL while it may continue (then its last activity is now). The first call records it.
CREATE FUNCTION hkd.sessie_gezien(p_sleutel text, p_inactief_minuten integer, p_verloopt_op timestamptz)
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

-- Logging out: the session ends for good (also when it was never seen, so a cookie saved before cannot start it).
CREATE FUNCTION hkd.sessie_beeindigen(p_sleutel text, p_verloopt_op timestamptz) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
BEGIN
    INSERT INTO hkd.sessies (sleutel, laag, inactief_na, verloopt_op, beeindigd_op, reden)
    VALUES (p_sleutel, hkd.laag_rol(), interval '1 minute',
            least(greatest(p_verloopt_op, now()), now() + interval '7 days'), now(), 'uitgelogd')
    ON CONFLICT (sleutel) DO UPDATE SET beeindigd_op = coalesce(hkd.sessies.beeindigd_op, now()),
                                        reden = coalesce(hkd.sessies.reden, 'uitgelogd');
END $$;

REVOKE EXECUTE ON FUNCTION hkd.sessie_gezien(text, integer, timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hkd.sessie_beeindigen(text, timestamptz) FROM PUBLIC;
-- Only the layers a login opens; the public layer has nothing to end (and no USAGE on schema hkd).
GRANT EXECUTE ON FUNCTION hkd.sessie_gezien(text, integer, timestamptz) TO hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.sessie_beeindigen(text, timestamptz) TO hkd_aanbieder, hkd_beheer;
