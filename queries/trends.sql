-- name: indicator_catalogus
-- Which indicators are loaded per level: years, number of areas, source (kept per data version, migration 572).
SELECT niveau, indicator, eerste_jaar, laatste_jaar, jaren, gebieden, bron
FROM publiek.indicator_catalogus
ORDER BY niveau, indicator;

-- name: indicator_reeks
-- All values of one indicator on one level, every year.
SELECT gebied_code, jaar, waarde
FROM publiek.indicator_waarden
WHERE niveau = :niveau AND indicator = :indicator
ORDER BY gebied_code, jaar;

-- name: indicator_jaren
-- The values of one indicator on one level in two years (the start and end of a period): what Kaart 4-8 classifies,
-- without the years between (a third of the rows of the whole series at national scale).
SELECT gebied_code, jaar, waarde
FROM publiek.indicator_waarden
WHERE niveau = :niveau AND indicator = :indicator AND jaar IN (:van, :tot)
ORDER BY gebied_code, jaar;

-- name: gebied_vlakken
-- Areas of one level with outline (GeoJSON, 5 decimals ~1 m) and a label point inside the area.
SELECT code, naam, parent_code, jaar,
       ST_AsGeoJSON(geom_display, 5) AS geometry,
       ST_X(ST_PointOnSurface(geom_display)) AS lon, ST_Y(ST_PointOnSurface(geom_display)) AS lat
FROM publiek.indicator_gebieden
WHERE niveau = :niveau
ORDER BY code;

-- name: gebied_codes
-- The codes (and names and boundary year) of one level, to match imported rows.
SELECT code, naam, jaar FROM publiek.indicator_gebieden WHERE niveau = :niveau ORDER BY code;

-- name: audit_indicator_load
-- One audit entry for an indicator load (what, from where, how many values).
INSERT INTO hkd.audit_log (gebruiker, actie, tabel, gegevens)
VALUES (hkd.current_gebruiker(), 'LOAD', 'indicatoren', CAST(:gegevens AS jsonb));

-- name: voorzieningen_pc4
-- Public resolution: number of (non-confidential) facilities per PC4 from the disclosure-controlled view, with a
-- label point inside the postcode area (never a facility's point).
SELECT pc4, voorzieningen,
       ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
FROM publiek.pc4
WHERE voorzieningen > 0
ORDER BY pc4;

-- name: voorzieningen_punten
-- HKD resolution only: every facility as a point (WGS84) with woonvorm and places.
SELECT l.code, l.naam, w.naam AS woonvorm, l.plaatsen,
       ST_X(ST_Transform(l.geom, 4326)) AS lon, ST_Y(ST_Transform(l.geom, 4326)) AS lat
FROM hkd.locaties l
JOIN hkd.woonvormen w ON w.code = l.woonvorm
ORDER BY l.code;

-- name: referentie_reeks
-- The reference values (Nederland, G4, Rotterdam) of one indicator per year, with their source.
SELECT jaar, waarde, bron
FROM publiek.indicator_waarden
WHERE niveau = 'referentie' AND gebied_code = :code AND indicator = :indicator
ORDER BY jaar;

-- name: raster_100m
-- One indicator of one level and year on the 100 m squares of RD New (small-numbers rule per square applied).
-- :buiten lists CBS wijken outside the analysis area (geo.analysegebied): a square whose centre lies in one of them
-- is left out (an empty list keeps every square).
SELECT r.cel_x, r.cel_y, r.waarde, r.dekking, r.lon, r.lat, r.eigen
FROM publiek.raster_100m(:niveau, :indicator, :jaar, :aantal, :minimum) r
WHERE NOT EXISTS (
    SELECT 1 FROM publiek.indicator_gebieden g
    WHERE g.niveau = 'gebied' AND g.code = ANY(CAST(:buiten AS text[]))
      AND ST_Intersects(g.geom_display,
                        ST_Transform(ST_SetSRID(ST_MakePoint(r.cel_x + 50, r.cel_y + 50), 28992), 4326)));

-- name: interpoleer
-- One indicator moved from one geography to another by area weighting (counts conserved where covered).
SELECT gebied_code, waarde, dekking
FROM publiek.interpoleer(:van_niveau, :naar_niveau, :indicator, :jaar, :aantal);
-- name: indicator_regel
-- The disclosure rule of the public indicators (migration 103), to state it on the page.
SELECT min_waarnemingen, min_inwoners_buurt, percentage_indicatoren FROM publiek.indicator_regel;

-- name: achtergehouden
-- Withheld indicator values per level, indicator, year and reason (the values themselves never leave the view).
SELECT niveau, indicator, jaar, achtergehouden AS reden, count(*)::int AS waarden
FROM publiek.indicator_waarden
WHERE achtergehouden IS NOT NULL
GROUP BY niveau, indicator, jaar, achtergehouden
ORDER BY niveau, indicator, jaar, achtergehouden;

-- name: vierkanten_in_buurten
-- Of the CBS 100 m square codes :codes (E0912N4366), those whose centre lies in a loaded buurt, with that buurt's
-- name and boundary year (to match the rows of an indicator file on level vierkant).
SELECT c.code, b.naam, b.jaar
FROM unnest(CAST(:codes AS text[])) AS c(code)
JOIN hkd.gebieden b
  ON b.niveau = 'buurt'
 AND ST_Contains(b.geom, ST_SetSRID(ST_MakePoint(substr(c.code, 2, 4)::int * 100 + 50,
                                                 substr(c.code, 7, 4)::int * 100 + 50), 28992))
ORDER BY c.code;

-- name: vierkanten_periode
-- Kaart 4-8 on squares: per CBS 100 m square in a buurt its two indicators at the start and end of a period, as
-- the disclosure rule left them (a withheld square has no value). One row per square, only what the page needs.
SELECT vierkant, buurt_code,
       max(waarde) FILTER (WHERE indicator = :kw AND jaar = :van) AS kw_van,
       max(waarde) FILTER (WHERE indicator = :kw AND jaar = :tot) AS kw_tot,
       max(waarde) FILTER (WHERE indicator = :ov AND jaar = :van) AS ov_van,
       max(waarde) FILTER (WHERE indicator = :ov AND jaar = :tot) AS ov_tot
FROM publiek.vierkant_waarden
WHERE indicator IN (:kw, :ov) AND jaar IN (:van, :tot) AND buurt_code IS NOT NULL
GROUP BY vierkant, buurt_code
ORDER BY vierkant;
