-- name: log_publicatie
-- Record one publication attempt (published or failed) in the append-only log; returns its id.
INSERT INTO hkd.publicaties (status, aanleiding, data_versie, checksum, map, bestanden, bytes, duur_ms, fout)
VALUES (:status, :aanleiding, :data_versie, :checksum, :map, :bestanden, :bytes, :duur_ms, :fout)
RETURNING id;

-- name: recente_publicaties
-- The latest publication attempts, newest first (Beheer page).
SELECT id, tijd, door, status, aanleiding, data_versie, checksum, map, bestanden, bytes, duur_ms, fout
FROM hkd.publicaties
ORDER BY tijd DESC, id DESC
LIMIT :n;

-- name: publicatie_stand
-- The latest successful publication and the latest attempt (which may be a failure after it).
SELECT (SELECT to_jsonb(p) FROM hkd.publicaties p WHERE status = 'gepubliceerd' ORDER BY tijd DESC, id DESC LIMIT 1)
           AS laatste_gelukt,
       (SELECT to_jsonb(p) FROM hkd.publicaties p ORDER BY tijd DESC, id DESC LIMIT 1) AS laatste_poging;

-- name: locaties_privacyscan
-- What must never be published of each facility (HKD/owner only): name, street, postcode, WGS84 and RD point.
SELECT naam, straat, postcode, ST_X(ST_Transform(geom, 4326)) AS lon, ST_Y(ST_Transform(geom, 4326)) AS lat,
       ST_X(geom) AS x, ST_Y(geom) AS y
FROM hkd.locaties
ORDER BY id;
