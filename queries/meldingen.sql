-- name: normen
-- The monitoring norms (one row).
SELECT afhandel_norm_dagen, signaal_periode_maanden, signaal_min_meldingen, signaal_min_buiten_norm, ring_meters,
       koppel_max_meters, ritme_fase_0_maanden, ritme_fase_1_maanden, ritme_fase_2_maanden, ritme_fase_3_maanden
FROM hkd.monitoring_normen;

-- name: registreer
-- Record one melding of a location (the trigger sets the recorder and refuses future dates; no point is stored:
-- the melding is at its location, migration 300).
INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, afgehandeld_op, afhandeling,
                           melder_tevreden)
VALUES (:locatie_id, :ontvangen_op, :bron, :categorie, :omschrijving, :afgehandeld_op, :afhandeling,
        :melder_tevreden)
RETURNING id;

-- name: import_slot
-- Serialise file imports of meldingen (held until the transaction ends), so two loads of one file add it once.
SELECT pg_advisory_xact_lock(hashtext('hkd.meldingen import'));

-- name: registreer_nieuw
-- Record one melding from a file unless the register has it already (its natural key: location, receipt, source,
-- category and description); returns its id only when it was new.
INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, afgehandeld_op, afhandeling,
                           melder_tevreden)
SELECT CAST(:locatie_id AS integer), CAST(:ontvangen_op AS timestamptz), CAST(:bron AS text),
       CAST(:categorie AS text), CAST(:omschrijving AS text), CAST(:afgehandeld_op AS timestamptz),
       CAST(:afhandeling AS text), CAST(:melder_tevreden AS boolean)
WHERE NOT EXISTS (
    SELECT 1 FROM hkd.meldingen m
    WHERE m.locatie_id = CAST(:locatie_id AS integer) AND m.ontvangen_op = CAST(:ontvangen_op AS timestamptz)
      AND m.bron = CAST(:bron AS text) AND m.categorie = CAST(:categorie AS text)
      AND m.omschrijving = CAST(:omschrijving AS text))
RETURNING id;

-- name: registreer_extern
-- Record or refresh a melding from another system (Signalen, a file); a Signalen signal keeps its own point (never
-- a facility's: migration 300); known ones get their handling.
INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, afgehandeld_op, afhandeling,
                           melder_tevreden, geom, systeem, extern_id)
VALUES (:locatie_id, :ontvangen_op, :bron, :categorie, :omschrijving, :afgehandeld_op, :afhandeling,
        :melder_tevreden, CASE WHEN CAST(:x AS double precision) IS NULL THEN NULL
             ELSE ST_SetSRID(ST_MakePoint(CAST(:x AS double precision), CAST(:y AS double precision)), 28992) END,
        :systeem, :extern_id)
ON CONFLICT (systeem, extern_id) DO UPDATE
    SET afgehandeld_op = EXCLUDED.afgehandeld_op, afhandeling = EXCLUDED.afhandeling,
        melder_tevreden = EXCLUDED.melder_tevreden
    WHERE hkd.meldingen.afgehandeld_op IS DISTINCT FROM EXCLUDED.afgehandeld_op
       OR hkd.meldingen.afhandeling IS DISTINCT FROM EXCLUDED.afhandeling
       OR hkd.meldingen.melder_tevreden IS DISTINCT FROM EXCLUDED.melder_tevreden
RETURNING id, (xmax = 0) AS nieuw;

-- name: afhandeling
-- Record how and when a melding was handled (and whether the reporter was satisfied, when known).
UPDATE hkd.meldingen SET afgehandeld_op = :afgehandeld_op, afhandeling = :afhandeling,
                         melder_tevreden = :melder_tevreden
WHERE id = :id
RETURNING id;

-- name: locaties_keuze
-- The locations the current layer may record meldingen for (row-level security decides), for a form.
SELECT l.id, l.code, l.naam
FROM hkd.locaties l
ORDER BY l.code;

-- name: koppel_locatie
-- The nearest location within :max_m metres of an RD point (NULL when none): where an imported melding belongs.
SELECT l.id
FROM hkd.locaties l
WHERE ST_DWithin(l.geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :max_m)
ORDER BY l.geom <-> ST_SetSRID(ST_MakePoint(:x, :y), 28992), l.id
LIMIT 1;

-- name: lijst
-- The meldingen received in [:van, :tot) at the visible locations (all when :locatie_id is NULL), newest first.
SELECT m.id, m.locatie_id, l.code, l.naam, m.ontvangen_op, m.bron, m.categorie, m.omschrijving, m.afgehandeld_op,
       m.afhandeling, m.melder_tevreden, m.systeem,
       round((extract(epoch FROM (m.afgehandeld_op - m.ontvangen_op)) / 86400.0)::numeric, 1)::float AS afhandel_dagen,
       CASE WHEN m.afgehandeld_op IS NOT NULL
            THEN m.afgehandeld_op <= m.ontvangen_op + make_interval(days => :norm_dagen)
            WHEN now() > m.ontvangen_op + make_interval(days => :norm_dagen) THEN false
       END AS binnen_norm,
       round(ST_X(ST_Transform(coalesce(m.geom, l.geom), 4326))::numeric, 6)::float AS lon,
       round(ST_Y(ST_Transform(coalesce(m.geom, l.geom), 4326))::numeric, 6)::float AS lat
FROM hkd.meldingen m
JOIN hkd.locaties l ON l.id = m.locatie_id
WHERE m.ontvangen_op >= :van AND m.ontvangen_op < :tot
  AND (CAST(:locatie_id AS integer) IS NULL OR m.locatie_id = :locatie_id)
ORDER BY m.ontvangen_op DESC, m.id DESC;

-- name: per_locatie
-- Per visible location: meldingen linked to it in [:van, :tot), how many not within the norm on :op, still open,
-- and the meldingen (of any visible location) within each ring of :ringen metres (ST_DWithin on RD New; a melding
-- without its own point is at its location's point, taken through the join: migration 300). The meldingen are
-- counted per location first (one hash aggregate, not a sort of every melding's row under every location); a ring is
-- counted from the spatial indexes, once for the widest ring (the locations near each location and the meldingen
-- with a point of their own near it), the narrower rings by their distance, never by measuring every melding of the
-- period against every location (minutes at 10,000 locations).
WITH m AS (
    SELECT m.locatie_id, count(*)::int AS aantal,
           count(*) FILTER (WHERE CASE WHEN m.afgehandeld_op IS NOT NULL
                                       THEN m.afgehandeld_op > m.ontvangen_op + make_interval(days => :norm_dagen)
                                       ELSE :op > m.ontvangen_op + make_interval(days => :norm_dagen)
                                  END)::int AS buiten_norm,
           count(*) FILTER (WHERE m.afgehandeld_op IS NULL)::int AS open,
           avg(extract(epoch FROM (m.afgehandeld_op - m.ontvangen_op)) / 86400.0)::float AS gem_afhandel_dagen,
           count(*) FILTER (WHERE m.melder_tevreden)::int AS tevreden,
           count(*) FILTER (WHERE m.melder_tevreden IS NOT NULL)::int AS tevredenheid_bekend,
           count(*) FILTER (WHERE m.geom IS NULL)::int AS zonder_punt
    FROM hkd.meldingen m
    JOIN hkd.locaties ml ON ml.id = m.locatie_id
    WHERE m.ontvangen_op >= :van AND m.ontvangen_op < :tot
    GROUP BY m.locatie_id
), ringen AS (
    SELECT unnest(CAST(:ringen AS integer[])) AS straal
), binnen AS (  -- per location, the distance of every melding within the widest ring
    SELECT l.id, ST_Distance(rl.geom, l.geom) AS afstand, rm.zonder_punt AS n
    FROM hkd.locaties l
    JOIN hkd.locaties rl ON ST_DWithin(rl.geom, l.geom, (SELECT max(straal) FROM ringen))
    JOIN m rm ON rm.locatie_id = rl.id AND rm.zonder_punt > 0
    UNION ALL
    SELECT l.id, ST_Distance(r.geom, l.geom), 1
    FROM hkd.locaties l
    JOIN hkd.meldingen r ON ST_DWithin(r.geom, l.geom, (SELECT max(straal) FROM ringen))
    JOIN hkd.locaties rl ON rl.id = r.locatie_id
    WHERE r.ontvangen_op >= :van AND r.ontvangen_op < :tot
), per_ring AS (
    SELECT b.id, array_agg(b.n ORDER BY b.straal) AS ringen
    FROM (SELECT x.id, k.straal, coalesce(sum(x.n) FILTER (WHERE x.afstand <= k.straal), 0)::int AS n
          FROM binnen x CROSS JOIN ringen k
          GROUP BY x.id, k.straal) b
    GROUP BY b.id
)
SELECT l.id, l.code, l.naam, f.fase,
       round(ST_X(ST_Transform(l.geom, 4326))::numeric, 6)::float AS lon,
       round(ST_Y(ST_Transform(l.geom, 4326))::numeric, 6)::float AS lat,
       coalesce(m.aantal, 0) AS aantal, coalesce(m.buiten_norm, 0) AS buiten_norm, coalesce(m.open, 0) AS open,
       m.gem_afhandel_dagen, coalesce(m.tevreden, 0) AS tevreden,
       coalesce(m.tevredenheid_bekend, 0) AS tevredenheid_bekend,
       coalesce(r.ringen, (SELECT array_agg(0) FROM ringen)) AS ringen
FROM hkd.locaties l
LEFT JOIN hkd.fase_op(CAST(:op AS date)) f ON f.locatie_id = l.id
LEFT JOIN m ON m.locatie_id = l.id
LEFT JOIN per_ring r ON r.id = l.id
ORDER BY coalesce(m.aantal, 0) DESC, l.code;

-- name: signaal_tellingen
-- Per visible location with meldingen in [:van, :tot): how many, and how many not within the norm on :op (as
-- per_locatie counts them; the agenda signal needs no fase, rings or points, so none are computed).
SELECT l.id, l.code, l.naam, count(*)::int AS aantal,
       count(*) FILTER (WHERE CASE WHEN m.afgehandeld_op IS NOT NULL
                                   THEN m.afgehandeld_op > m.ontvangen_op + make_interval(days => :norm_dagen)
                                   ELSE :op > m.ontvangen_op + make_interval(days => :norm_dagen) END)::int
           AS buiten_norm
FROM hkd.meldingen m
JOIN hkd.locaties l ON l.id = m.locatie_id
WHERE m.ontvangen_op >= :van AND m.ontvangen_op < :tot
GROUP BY l.id, l.code, l.naam;

-- name: tijdlijn
-- Meldingen of one location per month in [:van, :tot): received, and of those not within the norm on :op.
SELECT date_trunc('month', m.ontvangen_op AT TIME ZONE 'Europe/Amsterdam')::date AS maand,
       count(*)::int AS aantal,
       count(*) FILTER (WHERE CASE WHEN m.afgehandeld_op IS NOT NULL
                                   THEN m.afgehandeld_op > m.ontvangen_op + make_interval(days => :norm_dagen)
                                   ELSE :op > m.ontvangen_op + make_interval(days => :norm_dagen) END)::int
           AS buiten_norm
FROM hkd.meldingen m
WHERE m.locatie_id = :locatie_id AND m.ontvangen_op >= :van AND m.ontvangen_op < :tot
GROUP BY 1
ORDER BY 1;

-- name: voor_na_indicatoren
-- The changing indicators of a location's buurt and Wijkprofiel wijk for the years :van_jaar..:tot_jaar: those the
-- indicator catalogue gives a direction (better or worse); structural figures such as inwoners, eigendom and the
-- shares of dwellings have none: they are context, not liveability.
SELECT i.niveau, i.gebied_code, i.indicator, i.jaar, i.waarde, i.bron
FROM hkd.locaties l
JOIN hkd.indicatoren i
  ON (i.niveau = 'buurt' AND i.gebied_code = l.buurt_code)
  OR (i.niveau = 'wijkprofiel' AND i.gebied_code = l.wijkprofiel_code AND i.indicator LIKE 'wijkprofiel\_%')
JOIN hkd.indicator_definities d ON d.code = i.indicator AND d.hoger_beter IS NOT NULL
WHERE l.id = :locatie_id AND i.jaar BETWEEN :van_jaar AND :tot_jaar
ORDER BY i.niveau, i.indicator, i.jaar;

-- name: voor_na_notities
-- The qualitative side of a voor- en nameting: the notes about the location's wijk (CBS buurt) by colleagues in the
-- wijken (clusters MO, SO, DV), written :jaren years either side of :referentie, oldest first.
SELECT n.cluster, n.tekst, n.auteur, n.geschreven_op
FROM hkd.locaties l
JOIN hkd.wijk_notities n ON n.buurt_code = l.buurt_code
WHERE l.id = :locatie_id
  AND n.geschreven_op >= CAST(:referentie AS date) - make_interval(years => :jaren)
  AND n.geschreven_op < CAST(:referentie AS date) + make_interval(years => :jaren)
ORDER BY n.geschreven_op, n.id;

-- name: voor_na_meldingen
-- Meldingen (visible to the layer) within each ring around a location, per period of :maanden months before and
-- after the reference date :ref (periode -1 ends at :ref, periode 0 starts there), with density per km². A melding
-- without its own point is at its location's point (migration 300).
WITH periode AS (
    SELECT k AS periode, (CAST(:ref AS timestamptz) + make_interval(months => k * :maanden)) AS begin,
           (CAST(:ref AS timestamptz) + make_interval(months => (k + 1) * :maanden)) AS eind
    FROM generate_series(-CAST(:aantal AS integer), CAST(:aantal AS integer) - 1) AS k
)
SELECT p.periode, p.begin, p.eind, straal,
       count(m.id)::int AS aantal,
       (count(m.id) / (pi() * straal * straal / 1e6))::float AS per_km2
FROM hkd.locaties l
CROSS JOIN periode p
CROSS JOIN unnest(CAST(:ringen AS integer[])) AS straal
LEFT JOIN (SELECT m.id, m.ontvangen_op, coalesce(m.geom, ml.geom) AS plek
           FROM hkd.meldingen m JOIN hkd.locaties ml ON ml.id = m.locatie_id) m
  ON ST_DWithin(m.plek, l.geom, straal) AND m.ontvangen_op >= p.begin AND m.ontvangen_op < p.eind
WHERE l.id = :locatie_id
GROUP BY p.periode, p.begin, p.eind, straal
ORDER BY straal, p.periode;
