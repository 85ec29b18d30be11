-- The public layer (schema publiek): disclosure-controlled aggregates only, never an address or a point.
--
-- Re-applied on every `hkd db migrate` (queries/db.py): the one current definition of each view and function
-- below, with its grants. Tables, policies and triggers stay in queries/migrations/.

CREATE OR REPLACE VIEW publiek.openbaarmakingsregel AS
SELECT min_voorzieningen, afronding, vertrouwelijk_niveau FROM hkd.openbaarmaking;
REVOKE ALL ON publiek.openbaarmakingsregel FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.openbaarmakingsregel TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE VIEW publiek.geografie AS
SELECT soort, omschrijving FROM hkd.geografie;
REVOKE ALL ON publiek.geografie FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.geografie TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Per PC4 and non-confidential woonvorm: facilities always, places only from the threshold on, rounded.
CREATE OR REPLACE VIEW publiek.pc4_woonvorm WITH (security_barrier) AS
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
REVOKE ALL ON publiek.pc4_woonvorm FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.pc4_woonvorm TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Per PC4 (every PC4, zero where none), non-confidential woonvormen only. The total of places is shown only when
-- the PC4 reaches the threshold AND the hidden woonvorm cells together hold none or at least the threshold of
-- facilities, so that the total minus the shown cells cannot reveal a hidden cell.
CREATE OR REPLACE VIEW publiek.pc4 WITH (security_barrier) AS
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
REVOKE ALL ON publiek.pc4 FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.pc4 TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Confidential woonvormen (opvang) only at the chosen level; below the threshold neither count nor places.
CREATE OR REPLACE VIEW publiek.vertrouwelijk WITH (security_barrier) AS
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
REVOKE ALL ON publiek.vertrouwelijk FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.vertrouwelijk TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE VIEW publiek.indicator_regel AS
SELECT min_waarnemingen, min_inwoners_buurt, percentage_indicatoren FROM hkd.indicator_openbaarmaking;
REVOKE ALL ON publiek.indicator_regel FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.indicator_regel TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- The disclosure rule's outcome is kept in hkd.indicator_waarden_bepaald (migration 440: the rule, seed 002
-- footnote 6 per indicator of the catalogue, and the CBS buurt rule); the database refreshes it at the commit of
-- every change to values, rule or catalogue. The view only reads it (issue 27: one evaluation, not one per read).
CREATE OR REPLACE VIEW publiek.indicator_waarden WITH (security_barrier) AS
SELECT niveau, gebied_code, jaar, indicator, waarde, bron, achtergehouden
FROM hkd.indicator_waarden_bepaald;
COMMENT ON VIEW publiek.indicator_waarden IS
  'Indicator values per level, area code, year and indicator (Wijktrends); read-only for every layer.';
REVOKE ALL ON publiek.indicator_waarden FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.indicator_waarden TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Which indicators are loaded per level: years, number of areas, sources; kept per data version (migration 572).
CREATE OR REPLACE VIEW publiek.indicator_catalogus AS
SELECT niveau, indicator, eerste_jaar, laatste_jaar, jaren, gebieden, bron FROM hkd.indicator_catalogus_bepaald;
COMMENT ON VIEW publiek.indicator_catalogus IS
  'Loaded indicators per level with their years, number of areas and sources (kept per data version); read-only.';
REVOKE ALL ON publiek.indicator_catalogus FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.indicator_catalogus TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- The distinct sources of the indicator values (migration 571): a skip scan over the index on the kept values' source,
-- one index probe per source, instead of every value. Sources only, no figures.
CREATE OR REPLACE VIEW publiek.indicator_bronnen AS
WITH RECURSIVE b AS (
    SELECT min(bron) AS bron FROM hkd.indicator_waarden_bepaald
    UNION ALL
    SELECT (SELECT min(v.bron) FROM hkd.indicator_waarden_bepaald v WHERE v.bron > b.bron) FROM b WHERE b.bron IS NOT NULL
)
SELECT bron FROM b WHERE bron IS NOT NULL;
COMMENT ON VIEW publiek.indicator_bronnen IS
  'The distinct sources of the indicator values (the demo label); read-only for every layer.';
REVOKE ALL ON publiek.indicator_bronnen FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.indicator_bronnen TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE VIEW publiek.indicator_gebieden AS
SELECT g.niveau, g.code, g.naam, g.parent_code, g.jaar, g.geom_display
FROM hkd.gebieden g;
COMMENT ON VIEW publiek.indicator_gebieden IS
  'Areas with their simplified WGS84 outline, for the Wijktrends maps; read-only for every layer.';
REVOKE ALL ON publiek.indicator_gebieden FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.indicator_gebieden TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Values on CBS 100 m squares (level "vierkant", migration 560) with the buurt their centre lies in (kept in
-- hkd.vierkant_buurt_bepaald), as the disclosure rule left them (hkd.indicator_waarden_bepaald: a square under 10
-- observations has no value for any layer). The code is the square: its south-west corner in hectometres.
CREATE OR REPLACE VIEW publiek.vierkant_waarden WITH (security_barrier) AS
SELECT v.gebied_code AS vierkant, b.buurt_code, v.jaar, v.indicator, v.waarde, v.achtergehouden
FROM hkd.indicator_waarden_bepaald v
LEFT JOIN hkd.vierkant_buurt_bepaald b ON b.vierkant = v.gebied_code
WHERE v.niveau = 'vierkant';
COMMENT ON VIEW publiek.vierkant_waarden IS
  'Indicator values per CBS 100 m square with the buurt of its centre; withheld squares without value.';
REVOKE ALL ON publiek.vierkant_waarden FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.vierkant_waarden TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Public spreiding per gebied (CBS wijk): non-confidential woonvormen in use today; places only for cells that
-- reach the threshold, rounded like the PC4 views. No point, address or name of a facility.
CREATE OR REPLACE VIEW publiek.spreiding_gebied WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.openbaarmaking),
cel AS (
    SELECT l.gebied_code, count(*)::int AS n, sum(l.plaatsen)::bigint AS p
    FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm
    WHERE NOT w.vertrouwelijk AND l.gebied_code IS NOT NULL
      AND (l.in_gebruik_sinds IS NULL OR l.in_gebruik_sinds <= current_date)
      AND (l.buiten_gebruik_sinds IS NULL OR l.buiten_gebruik_sinds > current_date)
    GROUP BY l.gebied_code
)
SELECT g.code, g.naam, coalesce(c.n, 0) AS voorzieningen,
       CASE WHEN c.n IS NULL THEN 0
            WHEN c.n >= r.min_voorzieningen THEN hkd.afgerond(c.p, r.afronding) END AS plaatsen
FROM hkd.gebieden g
CROSS JOIN regel r
LEFT JOIN cel c ON c.gebied_code = g.code
WHERE g.niveau = 'gebied';
REVOKE ALL ON publiek.spreiding_gebied FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.spreiding_gebied TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE VIEW publiek.corporatie_aandeel WITH (security_barrier) AS
SELECT b.jaar, b.niveau, b.gebied_code, c.code AS corporatie_code, c.naam AS corporatie, b.woningen,
       a.waarde AS adressen,
       CASE WHEN a.waarde > 0 THEN round((100.0 * b.woningen / a.waarde)::numeric, 1)::float8 END AS aandeel,
       row_number() OVER (PARTITION BY b.jaar, b.niveau, b.gebied_code
                          ORDER BY b.woningen DESC, c.naam, c.code)::int AS rang
FROM hkd.corporatie_bezit b
JOIN hkd.corporaties c ON c.id = b.corporatie_id
LEFT JOIN hkd.indicatoren a
       ON a.indicator = 'adressen' AND a.niveau = b.niveau AND a.gebied_code = b.gebied_code AND a.jaar = b.jaar
WHERE b.woningen > 0;
COMMENT ON VIEW publiek.corporatie_aandeel IS
  'Dwellings per corporation, area and year with the share of the area''s addresses and the rank (ties: name).';
REVOKE ALL ON publiek.corporatie_aandeel FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.corporatie_aandeel TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE VIEW publiek.dominante_corporatie WITH (security_barrier) AS
SELECT jaar, niveau, gebied_code, corporatie_code, corporatie, woningen, adressen, aandeel
FROM publiek.corporatie_aandeel
WHERE rang = 1;
COMMENT ON VIEW publiek.dominante_corporatie IS
  'Kaart 4-1: the corporation with the largest share of the addresses per area and year (ties: alphabetical).';
REVOKE ALL ON publiek.dominante_corporatie FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.dominante_corporatie TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- One check for the three functions (SECURITY DEFINER: the layers cannot read hkd.indicatoren or hkd.gebieden).
CREATE OR REPLACE FUNCTION publiek.controleer_raster_argumenten(p_niveau text, p_indicator text, p_jaar integer,
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
REVOKE ALL ON FUNCTION publiek.controleer_raster_argumenten(text,text,integer,double precision,text) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION publiek.controleer_raster_argumenten(text,text,integer,double precision,text) TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE FUNCTION publiek.raster_100m(p_niveau text, p_indicator text, p_jaar integer, p_aantal boolean,
                                    p_minimum double precision DEFAULT 10)
RETURNS TABLE (cel_x integer, cel_y integer, waarde double precision, dekking double precision,
               lon double precision, lat double precision, eigen boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_niveau, p_indicator, p_jaar, p_minimum);
    RETURN QUERY SELECT * FROM hkd.raster_100m_onbegrensd(p_niveau, p_indicator, p_jaar, p_aantal, p_minimum);
END $$;
REVOKE ALL ON FUNCTION publiek.raster_100m(text,text,integer,boolean,double precision) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION publiek.raster_100m(text,text,integer,boolean,double precision) TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE FUNCTION publiek.interpoleer(p_van_niveau text, p_naar_niveau text, p_indicator text, p_jaar integer,
                                    p_aantal boolean)
RETURNS TABLE (gebied_code text, waarde double precision, dekking double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_van_niveau, p_indicator, p_jaar, 10, p_naar_niveau);
    RETURN QUERY SELECT * FROM hkd.interpoleer_onbegrensd(p_van_niveau, p_naar_niveau, p_indicator, p_jaar,
                                                           p_aantal);
END $$;
REVOKE ALL ON FUNCTION publiek.interpoleer(text,text,text,integer,boolean) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION publiek.interpoleer(text,text,text,integer,boolean) TO hkd_aanbieder, hkd_beheer, hkd_publiek;

CREATE OR REPLACE FUNCTION publiek.raster_dominante_corporatie(p_niveau text, p_jaar integer)
RETURNS TABLE (cel_x integer, cel_y integer, gebied_code text, corporatie text, aandeel double precision,
               lon double precision, lat double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM publiek.controleer_raster_argumenten(p_niveau, NULL, p_jaar);
    RETURN QUERY SELECT * FROM hkd.raster_dominante_corporatie_onbegrensd(p_niveau, p_jaar);
END $$;
REVOKE ALL ON FUNCTION publiek.raster_dominante_corporatie(text,integer) FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT EXECUTE ON FUNCTION publiek.raster_dominante_corporatie(text,integer) TO hkd_aanbieder, hkd_beheer, hkd_publiek;

-- Refresh a kept materialised view (the argument of the trigger: hkd.indicator_waarden_bepaald, the outcome of the
-- disclosure rule, on values, rule and catalogue, migration 440; hkd.zoekgebieden_bepaald, the published map's search
-- index, on the boundaries, migration 540; hkd.vierkant_buurt_bepaald, the buurt of every square, on values and
-- boundaries, migration 560) once per transaction, at commit (deferred constraint triggers); a TRUNCATE
-- refreshes at once.
CREATE OR REPLACE FUNCTION hkd.bewaard_verversen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    bewaard regclass := TG_ARGV[0]::regclass;
    klaar text := 'hkd.ververst_' || replace(TG_ARGV[0], '.', '_');
BEGIN
    IF TG_LEVEL = 'STATEMENT' OR current_setting(klaar, true) IS DISTINCT FROM 'ja' THEN
        EXECUTE format('REFRESH MATERIALIZED VIEW %s', bewaard);
        IF TG_LEVEL = 'ROW' THEN  -- at commit: once for the whole transaction
            PERFORM set_config(klaar, 'ja', true);
        END IF;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.bewaard_verversen() FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;

-- The published map's search index (migration 540): per CBS wijk and buurt its name, box, label point, a wijk's
-- border and the PC4 areas it lies in, kept per boundary set in hkd.zoekgebieden_bepaald. Public boundaries only.
CREATE OR REPLACE VIEW publiek.zoekgebieden AS
SELECT niveau, code, naam, ouder, west, zuid, oost, noord, label_lon, label_lat, rand, pc4s
FROM hkd.zoekgebieden_bepaald;
COMMENT ON VIEW publiek.zoekgebieden IS
  'Wijken and buurten for the published map''s search and orientation (kept per boundary set); read-only.';
REVOKE ALL ON publiek.zoekgebieden FROM PUBLIC, hkd_publiek, hkd_aanbieder, hkd_beheer;
GRANT SELECT ON publiek.zoekgebieden TO hkd_aanbieder, hkd_beheer, hkd_publiek;
