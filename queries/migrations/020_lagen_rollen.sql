-- The three map layers, enforced by the database. The app switches per transaction to the role of the layer it
-- serves (SET LOCAL ROLE hkd_publiek | hkd_aanbieder | hkd_beheer) and names the provider and the user with
-- set_config('hkd.aanbieder' | 'hkd.gebruiker', ..., true). Deny by default: every grant below is explicit.
--
--   hkd_publiek    only the disclosure-controlled aggregate views in schema publiek; no USAGE on schema hkd.
--   hkd_aanbieder  the public views, the extended per-PC4 view of all providers, and its OWN locations, fase and
--                  beheer-status in detail through row-level security on current_setting('hkd.aanbieder').
--   hkd_beheer     everything at address level (HKD, Sturingsoverleg); writes only where its work needs them.
--
-- Row-level security is ENABLED (not FORCED) on the detail tables: the app never queries as the table owner (every
-- app transaction switches to a layer role, none of which owns a table), and the owner is the migration/import
-- role that must see all rows. Views that aggregate rows a layer cannot see run with their owner's rights
-- (security_barrier, no user-supplied functions); views of detail rows run with the invoker's rights
-- (security_invoker), so row-level security filters them.

GRANT USAGE ON SCHEMA hkd TO hkd_aanbieder, hkd_beheer;

-- Disclosure control of the public layer (mirrored by geo/disclosure.py; the views below enforce it) ---------
CREATE TABLE hkd.openbaarmaking (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    min_voorzieningen    integer NOT NULL DEFAULT 3 CHECK (min_voorzieningen >= 1),
    afronding            integer NOT NULL DEFAULT 5 CHECK (afronding >= 1),
    vertrouwelijk_niveau text NOT NULL DEFAULT 'gemeente' CHECK (vertrouwelijk_niveau IN ('gemeente', 'gebied'))
);
INSERT INTO hkd.openbaarmaking DEFAULT VALUES;
COMMENT ON TABLE hkd.openbaarmaking IS
  'Public disclosure rule: places shown only for cells with >= min_voorzieningen facilities, rounded to a multiple '
  'of afronding; confidential woonvormen only at vertrouwelijk_niveau. Change with UPDATE as the owner.';

-- Round a non-negative count to the nearest multiple of r (halves up); identical to geo.disclosure.afgerond.
CREATE FUNCTION hkd.afgerond(n bigint, r integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT (((2 * n + r) / (2 * r)) * r)::integer $$;

CREATE VIEW publiek.openbaarmakingsregel AS
SELECT min_voorzieningen, afronding, vertrouwelijk_niveau FROM hkd.openbaarmaking;

CREATE VIEW publiek.geografie AS
SELECT soort, omschrijving FROM hkd.geografie;

-- Per PC4 and non-confidential woonvorm: facilities always, places only from the threshold on, rounded.
CREATE VIEW publiek.pc4_woonvorm WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.openbaarmaking),
cel AS (
    SELECT l.pc4, w.code AS woonvorm, w.naam AS woonvorm_naam, w.volgorde, count(*)::int AS n,
           sum(l.plaatsen)::bigint AS p
    FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm
    WHERE NOT w.vertrouwelijk AND l.pc4 IS NOT NULL
    GROUP BY l.pc4, w.code, w.naam, w.volgorde
)
SELECT c.pc4, c.woonvorm, c.woonvorm_naam, c.volgorde, c.n AS voorzieningen,
       CASE WHEN c.n >= r.min_voorzieningen THEN hkd.afgerond(c.p, r.afronding) END AS plaatsen
FROM cel c CROSS JOIN regel r;

-- Per PC4 (every PC4, zero where none), non-confidential woonvormen only. The total of places is shown only when
-- the PC4 reaches the threshold AND the hidden woonvorm cells together hold none or at least the threshold of
-- facilities, so that the total minus the shown cells cannot reveal a hidden cell.
CREATE VIEW publiek.pc4 WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.openbaarmaking),
cel AS (
    SELECT l.pc4, count(*)::int AS n, sum(l.plaatsen)::bigint AS p
    FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm
    WHERE NOT w.vertrouwelijk AND l.pc4 IS NOT NULL
    GROUP BY l.pc4, w.code
),
totaal AS (
    SELECT c.pc4, sum(c.n)::int AS n, sum(c.p)::bigint AS p,
           coalesce(sum(c.n) FILTER (WHERE c.n < r.min_voorzieningen), 0)::int AS n_verborgen
    FROM cel c CROSS JOIN regel r
    GROUP BY c.pc4
)
SELECT g.code AS pc4, g.naam AS plaats, coalesce(t.n, 0) AS voorzieningen,
       CASE WHEN t.n IS NULL THEN 0
            WHEN t.n >= r.min_voorzieningen AND (t.n_verborgen = 0 OR t.n_verborgen >= r.min_voorzieningen)
            THEN hkd.afgerond(t.p, r.afronding)
       END AS plaatsen,
       g.geom_display AS geom
FROM hkd.gebieden g
CROSS JOIN regel r
LEFT JOIN totaal t ON t.pc4 = g.code
WHERE g.niveau = 'pc4';

-- Confidential woonvormen (opvang) only at the chosen level; below the threshold neither count nor places.
CREATE VIEW publiek.vertrouwelijk WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.openbaarmaking),
cel AS (
    SELECT CASE WHEN r.vertrouwelijk_niveau = 'gebied' THEN coalesce(l.gebied_code, '?') ELSE 'gemeente' END AS code,
           w.naam AS woonvorm_naam, w.volgorde, count(*)::int AS n, sum(l.plaatsen)::bigint AS p
    FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm CROSS JOIN regel r
    WHERE w.vertrouwelijk
    GROUP BY 1, w.naam, w.volgorde
)
SELECT r.vertrouwelijk_niveau AS niveau, c.code,
       CASE WHEN c.code = 'gemeente' THEN 'Rotterdam' ELSE coalesce(g.naam, 'onbekend') END AS naam,
       c.woonvorm_naam, c.volgorde,
       CASE WHEN c.n >= r.min_voorzieningen THEN c.n END AS voorzieningen,
       CASE WHEN c.n >= r.min_voorzieningen THEN hkd.afgerond(c.p, r.afronding) END AS plaatsen
FROM cel c CROSS JOIN regel r
LEFT JOIN hkd.gebieden g ON g.niveau = 'gebied' AND g.code = c.code;

GRANT SELECT ON publiek.openbaarmakingsregel, publiek.geografie, publiek.pc4_woonvorm, publiek.pc4,
                publiek.vertrouwelijk
    TO hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The provider layer ---------------------------------------------------------------------------------------
-- The provider of this transaction (NULL when none is named: then a provider sees nothing in detail).
CREATE FUNCTION hkd.eigen_aanbieder_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    SELECT id FROM hkd.aanbieders WHERE code = nullif(current_setting('hkd.aanbieder', true), '')
$$;
REVOKE EXECUTE ON FUNCTION hkd.eigen_aanbieder_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hkd.eigen_aanbieder_id() TO hkd_aanbieder, hkd_beheer;

ALTER TABLE hkd.locaties ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.fase_besluiten ENABLE ROW LEVEL SECURITY;
ALTER TABLE hkd.beheer_status ENABLE ROW LEVEL SECURITY;

CREATE POLICY aanbieder_eigen ON hkd.locaties FOR SELECT TO hkd_aanbieder
    USING (aanbieder_id = hkd.eigen_aanbieder_id());
CREATE POLICY aanbieder_eigen ON hkd.fase_besluiten FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY aanbieder_eigen ON hkd.beheer_status FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));

-- HKD works with every row (its table grants, from 010 and below, decide which commands).
CREATE POLICY beheer_alles ON hkd.locaties FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.fase_besluiten FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
CREATE POLICY beheer_alles ON hkd.beheer_status FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);

GRANT SELECT ON hkd.aanbieders, hkd.woonvormen TO hkd_aanbieder;
GRANT SELECT ON hkd.locaties, hkd.fase_besluiten, hkd.beheer_status TO hkd_aanbieder;  -- own rows only (RLS)
GRANT EXECUTE ON FUNCTION hkd.fase_op(date), hkd.beheer_op(date) TO hkd_aanbieder;

-- Extended per-PC4 view of ALL providers (aggregates only: no names of locations, no addresses, no points).
CREATE VIEW hkd.aanbieder_pc4 WITH (security_barrier) AS
SELECT l.pc4, w.naam AS woonvorm, w.volgorde,
       string_agg(DISTINCT l.doelgroep, '; ' ORDER BY l.doelgroep) AS doelgroepen,
       count(*)::int AS voorzieningen, sum(l.plaatsen)::int AS plaatsen,
       count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       string_agg(DISTINCT a.naam, '; ' ORDER BY a.naam) AS aanbieders
FROM hkd.locaties l
JOIN hkd.woonvormen w ON w.code = l.woonvorm
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
WHERE l.pc4 IS NOT NULL
GROUP BY l.pc4, w.naam, w.volgorde;

CREATE VIEW hkd.aanbieder_pc4_totaal WITH (security_barrier) AS
SELECT g.code AS pc4, g.naam AS plaats, count(l.id)::int AS voorzieningen,
       coalesce(sum(l.plaatsen), 0)::int AS plaatsen, count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       g.geom_display AS geom
FROM hkd.gebieden g
LEFT JOIN hkd.locaties l ON l.pc4 = g.code
WHERE g.niveau = 'pc4'
GROUP BY g.code, g.naam, g.geom_display;

-- Own locations in detail: runs with the invoker's rights, so row-level security decides which rows.
CREATE VIEW hkd.mijn_locaties WITH (security_invoker = true) AS
SELECT l.id, l.code, l.naam, a.code AS aanbieder_code, a.naam AS aanbieder, w.naam AS woonvorm, l.doelgroep,
       l.plaatsen, l.straat, l.huisnummer, l.postcode, l.pc4, f.fase, f.ingangsdatum AS fase_sinds,
       s.beheercommissie, s.beheerconvenant, s.convenant_datum, s.meldingenregister, s.ingangsdatum AS beheer_sinds
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.fase_op(current_date) f ON f.locatie_id = l.id
LEFT JOIN hkd.beheer_op(current_date) s ON s.locatie_id = l.id;

GRANT SELECT ON hkd.aanbieder_pc4, hkd.aanbieder_pc4_totaal, hkd.mijn_locaties TO hkd_aanbieder, hkd_beheer;

-- Log of views of address-level data (DPIA): who, when, what. Written only through hkd.log_inzage. ----------
CREATE TABLE hkd.inzage_log (
    id           bigserial PRIMARY KEY,
    tijd         timestamptz NOT NULL DEFAULT clock_timestamp(),
    gebruiker    text NOT NULL,
    db_rol       text NOT NULL,
    aanbieder    text,
    onderdeel    text NOT NULL CHECK (btrim(onderdeel) <> ''),
    omschrijving text NOT NULL CHECK (btrim(omschrijving) <> ''),
    details      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TRIGGER inzage_log_append_only BEFORE UPDATE OR DELETE ON hkd.inzage_log
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER inzage_log_no_truncate BEFORE TRUNCATE ON hkd.inzage_log
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- current_setting('role') is the layer role set by the app (SECURITY DEFINER changes current_user, not that).
CREATE FUNCTION hkd.log_inzage(p_onderdeel text, p_omschrijving text, p_details jsonb DEFAULT '{}'::jsonb)
RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    INSERT INTO hkd.inzage_log (gebruiker, db_rol, aanbieder, onderdeel, omschrijving, details)
    VALUES (hkd.current_gebruiker(), coalesce(nullif(current_setting('role', true), 'none'), session_user::text),
            nullif(current_setting('hkd.aanbieder', true), ''), p_onderdeel, p_omschrijving,
            coalesce(p_details, '{}'::jsonb))
    RETURNING id
$$;
REVOKE EXECUTE ON FUNCTION hkd.log_inzage(text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hkd.log_inzage(text, text, jsonb) TO hkd_aanbieder, hkd_beheer;

-- Qualitative notes per wijk (Rotterdam's wijk = CBS buurt) from MO, SO and DV; append-only. ----------------
CREATE TABLE hkd.wijk_notities (
    id            bigserial PRIMARY KEY,
    buurt_code    text NOT NULL CHECK (buurt_code <> ''),
    cluster       text NOT NULL CHECK (cluster IN ('MO', 'SO', 'DV')),
    tekst         text NOT NULL CHECK (btrim(tekst) <> ''),
    auteur        text NOT NULL,
    geschreven_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wijk_notities_buurt ON hkd.wijk_notities (buurt_code, geschreven_op);

-- The author is whoever the application names for this transaction, never a value the caller chooses.
CREATE FUNCTION hkd.wijk_notitie_auteur() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.auteur := hkd.current_gebruiker();
    NEW.geschreven_op := now();
    RETURN NEW;
END $$;
CREATE TRIGGER wijk_notities_auteur BEFORE INSERT ON hkd.wijk_notities
    FOR EACH ROW EXECUTE FUNCTION hkd.wijk_notitie_auteur();
CREATE TRIGGER wijk_notities_append_only BEFORE UPDATE OR DELETE ON hkd.wijk_notities
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER wijk_notities_no_truncate BEFORE TRUNCATE ON hkd.wijk_notities
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.wijk_notities
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

-- HKD (hkd_beheer): read everything in schema hkd as it stands now; write where its work needs it. ---------
GRANT SELECT ON ALL TABLES IN SCHEMA hkd TO hkd_beheer;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA hkd TO hkd_beheer;
GRANT INSERT ON hkd.fase_besluiten, hkd.beheer_status, hkd.wijk_notities TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.fase_besluiten_id_seq, hkd.beheer_status_id_seq, hkd.wijk_notities_id_seq,
                        hkd.locaties_id_seq, hkd.aanbieders_id_seq, hkd.indicatoren_id_seq, hkd.gebieden_id_seq
    TO hkd_beheer;
GRANT INSERT (code, naam), UPDATE (naam) ON hkd.aanbieders TO hkd_beheer;
GRANT INSERT (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode, plaats, geom)
    ON hkd.locaties TO hkd_beheer;
GRANT UPDATE (naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode, plaats, geom)
    ON hkd.locaties TO hkd_beheer;
GRANT INSERT ON hkd.indicatoren, hkd.gebieden TO hkd_beheer;
-- Nobody but the owner writes the disclosure rule or the inzage log directly.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON hkd.openbaarmaking, hkd.inzage_log FROM hkd_beheer, hkd_aanbieder;
