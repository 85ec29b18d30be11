-- Issue 23: personal data checks in the database for the free-text columns the forms say must not hold personal
-- data: a melding's omschrijving (meldingen form: "geen persoonsgegevens van melders"), an initiative's contact
-- (role and functional address) and toelichting. Refused in every entry point (form, file import, Signalen, SQL)
-- with a Dutch message: an e-mail address, a Dutch phone number, a BSN (nine digits passing the 11-check), a
-- postcode with a house number. The functional address of an initiative may be an e-mail address (the form asks for
-- one, e.g. initiatieven@aanbieder.nl); nothing else there either. The patterns are geo/persoonsgegevens.py's,
-- character for character (tests/geo/test_persoonsgegevens.py runs both on one corpus). Existing rows are not
-- re-judged: the check runs on INSERT and on an UPDATE of the column.

CREATE FUNCTION hkd.elfproef(p_cijfers text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
    SELECT p_cijfers ~ '^[0-9]{9}$' AND p_cijfers <> '000000000'
       AND ((SELECT sum((9 - i) * substr(p_cijfers, i + 1, 1)::int) FROM generate_series(0, 7) AS i)
            - substr(p_cijfers, 9, 1)::int) % 11 = 0
$$;

-- The kinds found, in the order of geo.persoonsgegevens.SOORTEN.
CREATE FUNCTION hkd.persoonsgegevens(p_tekst text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, hkd AS $$
    SELECT array_remove(ARRAY[
        CASE WHEN p_tekst ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' THEN 'e-mailadres' END,
        CASE WHEN p_tekst ~ '(?<![0-9+])(?![0-3][0-9][-/.][01][0-9][-/.](?:19|20)[0-9]{2})(?:\+31|0031|0)[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?[0-9]){8}(?![0-9])' THEN 'telefoonnummer' END,
        CASE WHEN EXISTS (SELECT 1 FROM regexp_matches(p_tekst, '(?<![0-9])(?:[0-9]{9}|[0-9]{4}[. ][0-9]{2}[. ][0-9]{3}|[0-9]{3}[. ][0-9]{3}[. ][0-9]{3})(?![0-9])', 'g') AS m
                          WHERE hkd.elfproef(regexp_replace(m[1], '[^0-9]', '', 'g'))) THEN 'bsn' END,
        CASE WHEN p_tekst ~ '(?<![0-9])[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])[ ,]*(?:[Nn]r\.? ?|[Hh]uisnummer ?)?[0-9]{1,5}(?![0-9])|(?<![0-9A-Za-z])[0-9]{1,5}[A-Za-z]?[ ,]+[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])' THEN 'postcode_huisnummer' END
    ]::text[], NULL)
$$;

-- The trigger: each argument is 'kolom|how the form names it|kinds allowed there (comma-separated)'.
CREATE FUNCTION hkd.weiger_persoonsgegevens() RETURNS trigger
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

CREATE TRIGGER meldingen_geen_persoonsgegevens BEFORE INSERT OR UPDATE OF omschrijving ON hkd.meldingen
    FOR EACH ROW EXECUTE FUNCTION hkd.weiger_persoonsgegevens('omschrijving|De omschrijving|');
CREATE TRIGGER initiatieven_geen_persoonsgegevens
    BEFORE INSERT OR UPDATE OF contact_rol, contact_kanaal, context ON hkd.initiatieven
    FOR EACH ROW EXECUTE FUNCTION hkd.weiger_persoonsgegevens(
        'contact_rol|De contactrol|', 'contact_kanaal|Het functionele contactadres|e-mailadres',
        'context|De toelichting|');
