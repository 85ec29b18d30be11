-- name: gebieden
-- Areas (buurt, gebied, wijkprofiel wijk, PC4) whose name contains :patroon or whose code is :code, with their
-- extent and outline in WGS84, for the map search. Public view: every layer may read it; never a facility.
SELECT niveau, code, naam,
       ST_XMin(geom_display) AS min_lon, ST_YMin(geom_display) AS min_lat,
       ST_XMax(geom_display) AS max_lon, ST_YMax(geom_display) AS max_lat,
       ST_AsGeoJSON(geom_display, 5) AS geometry
FROM publiek.indicator_gebieden
WHERE niveau IN ('buurt', 'gebied', 'wijkprofiel', 'pc4')
  AND (naam ILIKE :patroon OR upper(code) = upper(:code))
ORDER BY (upper(code) = upper(:code)) DESC, (naam ILIKE :begin) DESC,
         array_position(ARRAY['pc4', 'gebied', 'wijkprofiel', 'buurt'], niveau), naam
LIMIT :max;

-- name: locaties
-- Locations by code, name, or postcode (+ house number), for the map search of the signed-in layers. Reads the
-- base table: row-level security limits a provider to its own rows; the public layer has no grant at all.
SELECT l.id, l.code, l.naam, l.postcode, l.huisnummer,
       ST_X(ST_Transform(l.geom, 4326)) AS lon, ST_Y(ST_Transform(l.geom, 4326)) AS lat
FROM hkd.locaties l
WHERE upper(l.code) = upper(:code) OR l.naam ILIKE :patroon
   OR (CAST(:pc6 AS text) IS NOT NULL AND replace(l.postcode, ' ', '') = :pc6
       AND (CAST(:huisnummer AS text) IS NULL OR upper(l.huisnummer) = :huisnummer))
ORDER BY (upper(l.code) = upper(:code)) DESC, l.code
LIMIT :max;
