-- The ground of schema hkd: areas derived from a point, the append-only rule, the stand on a date, the
-- user bound to a transaction, the audit log, the personal-data rule and the trigger functions tables share.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

CREATE OR REPLACE FUNCTION hkd.area_code_at(p geometry, p_niveau text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT code FROM hkd.gebieden
    WHERE niveau = p_niveau AND ST_Intersects(geom, p)
    ORDER BY code LIMIT 1
$$;
REVOKE ALL ON FUNCTION hkd.area_code_at(geometry,text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.area_code_at(geometry,text) TO hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.locaties_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente')
       AND NOT EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente' AND ST_Intersects(geom, NEW.geom)) THEN
        RAISE EXCEPTION 'locatie % ligt buiten de gemeente', NEW.code USING ERRCODE = 'check_violation';
    END IF;
    NEW.pc4 := hkd.area_code_at(NEW.geom, 'pc4');
    NEW.buurt_code := hkd.area_code_at(NEW.geom, 'buurt');
    NEW.gebied_code := hkd.area_code_at(NEW.geom, 'gebied');
    NEW.wijkprofiel_code := hkd.area_code_at(NEW.geom, 'wijkprofiel');
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.locaties_derive() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Re-derive every location's areas after boundaries were (re)loaded.
CREATE OR REPLACE FUNCTION hkd.rederive_locaties() RETURNS void
LANGUAGE sql AS $$
    UPDATE hkd.locaties SET
        pc4 = hkd.area_code_at(geom, 'pc4'),
        buurt_code = hkd.area_code_at(geom, 'buurt'),
        gebied_code = hkd.area_code_at(geom, 'gebied'),
        wijkprofiel_code = hkd.area_code_at(geom, 'wijkprofiel')
$$;
REVOKE ALL ON FUNCTION hkd.rederive_locaties() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.rederive_locaties() TO hkd_beheer;

-- Append-only history ------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION hkd.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is alleen-toevoegen: een correctie is een nieuwe regel, geen wijziging', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
REVOKE ALL ON FUNCTION hkd.refuse_change() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The stand on a date: latest decision with ingangsdatum <= the date (ties: the later entry wins).
CREATE OR REPLACE FUNCTION hkd.fase_op(p_datum date) RETURNS TABLE (locatie_id integer, fase text, ingangsdatum date, besluit_id bigint)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (b.locatie_id) b.locatie_id, b.fase, b.ingangsdatum, b.id
    FROM hkd.fase_besluiten b
    WHERE b.ingangsdatum <= p_datum
    ORDER BY b.locatie_id, b.ingangsdatum DESC, b.id DESC
$$;
REVOKE ALL ON FUNCTION hkd.fase_op(date) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.fase_op(date) TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.beheer_op(p_datum date) RETURNS SETOF hkd.beheer_status
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (s.locatie_id) s.*
    FROM hkd.beheer_status s
    WHERE s.ingangsdatum <= p_datum
    ORDER BY s.locatie_id, s.ingangsdatum DESC, s.id DESC
$$;
REVOKE ALL ON FUNCTION hkd.beheer_op(date) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.beheer_op(date) TO hkd_aanbieder, hkd_beheer;

-- Round a non-negative count to the nearest multiple of r (halves up); identical to geo.disclosure.afgerond.
CREATE OR REPLACE FUNCTION hkd.afgerond(n bigint, r integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT (((2 * n + r) / (2 * r)) * r)::integer $$;
REVOKE ALL ON FUNCTION hkd.afgerond(bigint,integer) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.afgerond(bigint,integer) TO hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Bind the person acting in this transaction (audit, inzage and *_door columns); a second, different name in the
-- same transaction is refused. Reached only through the two functions below; no role may call it itself.
CREATE OR REPLACE FUNCTION hkd.gebruiker_binden(p_gebruiker text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, hkd AS $$
DECLARE
    nu xid8 := pg_current_xact_id();
    naam text := left(btrim(coalesce(p_gebruiker, '')), 200);
    huidig text;
BEGIN
    IF naam = '' THEN
        RAISE EXCEPTION 'een transactie wordt op naam van een persoon gezet' USING ERRCODE = '22023';
    END IF;
    SELECT t.gebruiker INTO huidig FROM hkd.transactie_gebruiker t WHERE t.pid = pg_backend_pid() AND t.xact = nu;
    IF FOUND THEN
        IF huidig <> naam THEN
            RAISE EXCEPTION 'de gebruiker van deze transactie ligt al vast' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN;
    END IF;
    INSERT INTO hkd.transactie_gebruiker (pid, xact, gebruiker) VALUES (pg_backend_pid(), nu, naam)
    ON CONFLICT (pid) DO UPDATE SET xact = EXCLUDED.xact, gebruiker = EXCLUDED.gebruiker;
END $$;
REVOKE ALL ON FUNCTION hkd.gebruiker_binden(text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The app's path (migration 580): the name of the live named session whose secret is passed, in the caller's own
-- layer (hkd.laag_rol()). A made-up secret, another layer's, an ended or expired session, or one idle longer than
-- its idle minutes (HKD_SESSIE_MINUTEN, passed at its opening): refused. A use is the session's activity: its last
-- use moves to now, at most every 10 seconds and never waiting for a concurrent transaction of the same session.
CREATE OR REPLACE FUNCTION hkd.zet_gebruiker(p_geheim text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
DECLARE
    s hkd.sessies;
BEGIN
    SELECT * INTO s FROM hkd.sessies
    WHERE sleutel = encode(sha256(convert_to(coalesce(p_geheim, ''), 'UTF8')), 'hex')
      AND gebruiker IS NOT NULL AND laag = hkd.laag_rol()
      AND beeindigd_op IS NULL AND now() < verloopt_op AND now() - laatst_gezien <= inactief_na;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'geen lopende sessie van deze laag: de transactie staat niet op naam van een persoon'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF now() - s.laatst_gezien > interval '10 seconds' THEN
        UPDATE hkd.sessies SET laatst_gezien = greatest(laatst_gezien, now())
        WHERE sleutel = (SELECT t.sleutel FROM hkd.sessies t WHERE t.sleutel = s.sleutel FOR UPDATE SKIP LOCKED);
    END IF;
    PERFORM hkd.gebruiker_binden(s.gebruiker);
END $$;
REVOKE ALL ON FUNCTION hkd.zet_gebruiker(text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.zet_gebruiker(text) TO hkd_aanbieder, hkd_beheer;

-- The administrators' path (the hkd command, importers, tests on an administrator's engine): a name without a
-- session, for whoever owns the objects or is a superuser; no layer role may execute it. Their writes carry their
-- own role in audit_log.db_rol unless they switch into a layer.
CREATE OR REPLACE FUNCTION hkd.zet_gebruiker_zonder_sessie(p_gebruiker text) RETURNS void
LANGUAGE sql VOLATILE SET search_path = pg_catalog, hkd AS $$
    SELECT hkd.gebruiker_binden(p_gebruiker)
$$;
REVOKE ALL ON FUNCTION hkd.zet_gebruiker_zonder_sessie(text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.current_gebruiker() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    SELECT coalesce((SELECT t.gebruiker FROM hkd.transactie_gebruiker t
                     WHERE t.pid = pg_backend_pid() AND t.xact = pg_current_xact_id_if_assigned()),
                    session_user::text)
$$;
REVOKE ALL ON FUNCTION hkd.current_gebruiker() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.current_gebruiker() TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rij jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), hkd.laag_rol(), TG_OP, TG_TABLE_NAME, rij ->> 'id', rij - 'geom' - 'geom_display');
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.audit() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.audit_laden(p_tabel text, p_gegevens jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
BEGIN
    IF p_tabel IS NULL OR p_tabel NOT IN ('meldingen', 'uitstroom', 'corporatie_bezit', 'locaties') THEN
        RAISE EXCEPTION 'audit_laden: geen laadbare tabel: %', p_tabel USING ERRCODE = 'check_violation';
    END IF;
    -- per layer: a load is logged only by a layer that may load that table (a provider: its meldingen, never
    -- the HKD-only imports), as the table's own INSERT grants say
    IF NOT has_any_column_privilege(hkd.laag_rol(), format('hkd.%I', p_tabel), 'INSERT') THEN
        RAISE EXCEPTION 'audit_laden: deze laag laadt geen %', p_tabel USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_gegevens IS NULL OR jsonb_typeof(p_gegevens) <> 'object' OR octet_length(p_gegevens::text) > 4000 THEN
        RAISE EXCEPTION 'audit_laden: gegevens horen een klein JSON-object te zijn' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO hkd.audit_log (gebruiker, actie, tabel, gegevens)
    VALUES (hkd.current_gebruiker(), 'LOAD', p_tabel, p_gegevens);
END $$;
REVOKE ALL ON FUNCTION hkd.audit_laden(text,jsonb) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.audit_laden(text,jsonb) TO hkd_aanbieder, hkd_beheer;

-- The recorder is whoever the application names for this transaction.
CREATE OR REPLACE FUNCTION hkd.vastgelegd_door_zetten() RETURNS trigger  -- also defined by 120 (same body)
LANGUAGE plpgsql AS $$
BEGIN
    NEW.vastgelegd_door := hkd.current_gebruiker();
    NEW.vastgelegd_op := now();
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.vastgelegd_door_zetten() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.niet_in_toekomst() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.datum > current_date THEN
        RAISE EXCEPTION 'vergadering op % ligt in de toekomst', NEW.datum USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.niet_in_toekomst() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The author is whoever the application names for this transaction, never a value the caller chooses.
CREATE OR REPLACE FUNCTION hkd.wijk_notitie_auteur() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.auteur := hkd.current_gebruiker();
    NEW.geschreven_op := now();
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.wijk_notitie_auteur() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.elfproef(p_cijfers text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
    SELECT p_cijfers ~ '^[0-9]{9}$' AND p_cijfers <> '000000000'
       AND ((SELECT sum((9 - i) * substr(p_cijfers, i + 1, 1)::int) FROM generate_series(0, 7) AS i)
            - substr(p_cijfers, 9, 1)::int) % 11 = 0
$$;
REVOKE ALL ON FUNCTION hkd.elfproef(text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.elfproef(text) TO hkd_aanbieder, hkd_beheer;

-- The kinds found, in the order of geo.persoonsgegevens.SOORTEN.
CREATE OR REPLACE FUNCTION hkd.persoonsgegevens(p_tekst text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, hkd AS $$
    SELECT array_remove(ARRAY[
        CASE WHEN p_tekst ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' THEN 'e-mailadres' END,
        CASE WHEN p_tekst ~ '(?<![0-9+])(?![0-3][0-9][-/.][01][0-9][-/.](?:19|20)[0-9]{2})(?:\+31|0031|0)[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?[0-9]){8}(?![0-9])' THEN 'telefoonnummer' END,
        CASE WHEN EXISTS (SELECT 1 FROM regexp_matches(p_tekst, '(?<![0-9])(?:[0-9]{9}|[0-9]{4}[. ][0-9]{2}[. ][0-9]{3}|[0-9]{3}[. ][0-9]{3}[. ][0-9]{3})(?![0-9])', 'g') AS m
                          WHERE hkd.elfproef(regexp_replace(m[1], '[^0-9]', '', 'g'))) THEN 'bsn' END,
        CASE WHEN p_tekst ~ '(?<![0-9])[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])[ ,]*(?:[Nn]r\.? ?|[Hh]uisnummer ?)?[0-9]{1,5}(?![0-9])|(?<![0-9A-Za-z])[0-9]{1,5}[A-Za-z]?[ ,]+[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])' THEN 'postcode_huisnummer' END
    ]::text[], NULL)
$$;
REVOKE ALL ON FUNCTION hkd.persoonsgegevens(text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.persoonsgegevens(text) TO hkd_aanbieder, hkd_beheer;

-- The trigger: each argument is 'kolom|how the form names it|kinds allowed there (comma-separated)'.
CREATE OR REPLACE FUNCTION hkd.weiger_persoonsgegevens() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, hkd AS $$
DECLARE
    arg text;
    gevonden text[];
BEGIN
    FOREACH arg IN ARRAY TG_ARGV LOOP
        SELECT array_agg(s ORDER BY o) INTO gevonden
        FROM unnest(hkd.persoonsgegevens(to_jsonb(NEW) ->> split_part(arg, '|', 1))) WITH ORDINALITY AS g(s, o)
        WHERE s <> ALL (string_to_array(split_part(arg, '|', 3), ','));
        IF gevonden IS NOT NULL THEN
            RAISE EXCEPTION '% bevat persoonsgegevens (%): leg geen namen, adressen, telefoonnummers, e-mailadressen '
                            'of BSN vast', split_part(arg, '|', 2),
                  (SELECT string_agg(CASE s WHEN 'e-mailadres' THEN 'een e-mailadres'
                                            WHEN 'telefoonnummer' THEN 'een telefoonnummer'
                                            WHEN 'bsn' THEN 'een burgerservicenummer (BSN)'
                                            ELSE 'een postcode met huisnummer' END, ', ' ORDER BY o)
                   FROM unnest(gevonden) WITH ORDINALITY AS g(s, o))
                USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION hkd.weiger_persoonsgegevens() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- Every set per level and year: the latest (in hkd.gebieden) and the earlier ones.
CREATE OR REPLACE VIEW hkd.grenssets AS
SELECT niveau, jaar, bron, count(*) AS gebieden, true AS actueel, NULL::timestamptz AS vervangen_op
FROM hkd.gebieden GROUP BY niveau, jaar, bron
UNION ALL
SELECT niveau, jaar, bron, count(*), false, max(vervangen_op)
FROM hkd.gebieden_historie GROUP BY niveau, jaar, bron, date_trunc('second', vervangen_op);
REVOKE ALL ON hkd.grenssets FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON hkd.grenssets TO hkd_beheer;
