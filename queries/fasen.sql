-- name: locaties_kaart_op
-- Every location on a date for the escalatieladder (HKD role only): fase, beheer-status and open beheer actions,
-- areas, and the point in WGS84 for the map. A convenant dated before :convenant_grens counts as overdue.
SELECT l.id, l.code, l.naam, a.code AS aanbieder_code, a.naam AS aanbieder, l.woonvorm AS woonvorm_code,
       w.naam AS woonvorm, l.doelgroep, l.plaatsen, l.straat, l.huisnummer, l.postcode, l.pc4,
       l.buurt_code, b.naam AS buurt, l.gebied_code, g.naam AS gebied, l.wijkprofiel_code, wp.naam AS wijkprofiel_wijk,
       ST_X(ST_Transform(l.geom, 4326)) AS lon, ST_Y(ST_Transform(l.geom, 4326)) AS lat,
       f.fase, f.ingangsdatum AS fase_sinds,
       s.beheercommissie, s.beheerconvenant, s.convenant_datum, s.meldingenregister,
       (s.beheercommissie IS DISTINCT FROM 'actief') AS actie_commissie,
       (s.beheerconvenant IS DISTINCT FROM 'actueel' OR s.convenant_datum < :convenant_grens) AS actie_convenant,
       (NOT coalesce(s.meldingenregister, false)) AS actie_meldingenregister
FROM hkd.locaties l
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
JOIN hkd.woonvormen w ON w.code = l.woonvorm
LEFT JOIN hkd.gebieden b ON b.niveau = 'buurt' AND b.code = l.buurt_code
LEFT JOIN hkd.gebieden g ON g.niveau = 'gebied' AND g.code = l.gebied_code
LEFT JOIN hkd.gebieden wp ON wp.niveau = 'wijkprofiel' AND wp.code = l.wijkprofiel_code
LEFT JOIN hkd.fase_op(:datum) f ON f.locatie_id = l.id
LEFT JOIN hkd.beheer_op(:datum) s ON s.locatie_id = l.id
ORDER BY l.code;

-- name: fase_tijdlijn
-- Every fase decision of one location up to a date, oldest first, with correction links both ways.
SELECT b.id, b.ingangsdatum, b.fase, b.reden, b.overleg_datum, b.vastgelegd_door, b.vastgelegd_op,
       b.corrigeert_id, c.id AS gecorrigeerd_door_id
FROM hkd.fase_besluiten b
LEFT JOIN hkd.fase_besluiten c ON c.corrigeert_id = b.id AND c.ingangsdatum <= :datum
WHERE b.locatie_id = :locatie_id AND b.ingangsdatum <= :datum
ORDER BY b.ingangsdatum, b.id;

-- name: wijkprofiel_indices
-- The Wijkprofiel indices (wijkprofiel_*) of one Wijkprofiel wijk in the latest year up to :jaar.
SELECT i.indicator, i.jaar, i.waarde, i.bron
FROM hkd.indicatoren i
WHERE i.niveau = 'wijkprofiel' AND i.gebied_code = :code AND i.indicator LIKE 'wijkprofiel\_%'
  AND i.jaar = (SELECT max(jaar) FROM hkd.indicatoren
                WHERE niveau = 'wijkprofiel' AND gebied_code = :code AND indicator LIKE 'wijkprofiel\_%'
                  AND jaar <= :jaar)
ORDER BY i.indicator;

-- name: inventaris_voortgang
-- The inventory's actions as done/open on every date something changed (and on :tot):
-- verscherpt regime (locations in fase 2 at the inventory), beheercommissies to (re)start (not active at the
-- inventory; done once active), beheerconvenanten to update (not current at the inventory; done once current
-- with a convenant dated on or after the inventory).
WITH inv_fase AS (SELECT locatie_id FROM hkd.fase_op(:inventarisatie) WHERE fase = '2'),
     inv_beheer AS (SELECT * FROM hkd.beheer_op(:inventarisatie)),
     data AS (
         SELECT DISTINCT ingangsdatum AS d FROM hkd.beheer_status
         WHERE ingangsdatum BETWEEN :inventarisatie AND :tot
         UNION SELECT DISTINCT ingangsdatum FROM hkd.fase_besluiten WHERE ingangsdatum BETWEEN :inventarisatie AND :tot
         UNION SELECT CAST(:tot AS date)
     )
SELECT d.d AS datum,
       (SELECT count(*) FROM inv_fase) AS verscherpt_totaal,
       (SELECT count(DISTINCT b.locatie_id) FROM hkd.fase_besluiten b JOIN inv_fase USING (locatie_id)
         WHERE b.fase IN ('2', '3a', '3b') AND b.ingangsdatum <= d.d) AS verscherpt_gedaan,
       (SELECT count(*) FROM inv_beheer WHERE beheercommissie <> 'actief') AS commissies_totaal,
       (SELECT count(*) FROM inv_beheer i JOIN hkd.beheer_op(d.d) s USING (locatie_id)
         WHERE i.beheercommissie <> 'actief' AND s.beheercommissie = 'actief') AS commissies_gedaan,
       (SELECT count(*) FROM inv_beheer WHERE beheerconvenant <> 'actueel') AS convenanten_totaal,
       (SELECT count(*) FROM inv_beheer i JOIN hkd.beheer_op(d.d) s USING (locatie_id)
         WHERE i.beheerconvenant <> 'actueel' AND s.beheerconvenant = 'actueel'
           AND s.convenant_datum >= :inventarisatie) AS convenanten_gedaan
FROM data d
ORDER BY d.d;

-- name: gebied_omtrekken
-- Simplified display outlines (WGS84 GeoJSON) of the given gebieden, for orientation on the escalatieladder map.
SELECT code, naam, ST_AsGeoJSON(geom_display, 5) AS geometry
FROM hkd.gebieden
WHERE niveau = 'gebied' AND code = ANY(CAST(:codes AS text[]))
ORDER BY code;
