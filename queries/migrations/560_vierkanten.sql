-- Issue 22, Tabel 4-2's last three buurten: values below the buurt, as CBS publishes them on its 100 m squares
-- (vierkantstatistieken). A new area level "vierkant" in hkd.indicatoren whose code is the CBS code of the square:
-- E and the RD x of its south-west corner in whole hectometres (four digits, leading zeros), N and the RD y in
-- hectometres (E0912N4366 is the square from x 91,200 / y 436,600 to 91,300 / 436,700). The square's geometry is
-- its code; no boundary file is needed, and its buurt is the buurt its centre lies in (kept below).
--
-- A square's value always carries its number of observations: the disclosure rule (migration 440, at least 10,
-- 100 for income data) then withholds a small square for every layer; a square without a count is refused here.
ALTER TABLE hkd.indicatoren DROP CONSTRAINT indicatoren_niveau_check;
ALTER TABLE hkd.indicatoren ADD CONSTRAINT indicatoren_niveau_check
    CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4', 'referentie', 'vierkant'));
ALTER TABLE hkd.indicatoren ADD CONSTRAINT indicatoren_vierkant_code
    CHECK (niveau <> 'vierkant' OR gebied_code ~ '^E[0-2][0-9]{3}N[3-6][0-9]{3}$');
ALTER TABLE hkd.indicatoren ADD CONSTRAINT indicatoren_vierkant_waarnemingen
    CHECK (niveau <> 'vierkant' OR waarnemingen IS NOT NULL);

-- The grid function tells which squares carry a value of their own (queries/objects/80_hkd_raster.sql and
-- 70_publiek.sql define them again with the column "eigen"); its result type changes, so it is dropped first.
DROP FUNCTION publiek.raster_100m(text, text, integer, boolean, double precision);
DROP FUNCTION hkd.raster_100m_onbegrensd(text, text, integer, boolean, double precision);

-- The buurt of every square with values: the buurt its centre lies in. A point-in-polygon test per value on every
-- read cost 2.8 s for Tabel 4-2/4-3 at city scale (28,000 squares, bench/vierkanten.py); it depends only on the
-- squares loaded and the boundaries, so it is kept, like hkd.indicator_waarden_bepaald (migration 440), and
-- refreshed by the database at the commit of every transaction that changed either. Owner only; the layers read it
-- through publiek.vierkant_waarden (queries/objects/70_publiek.sql).
CREATE MATERIALIZED VIEW hkd.vierkant_buurt_bepaald AS
WITH v AS (SELECT DISTINCT gebied_code AS vierkant FROM hkd.indicatoren WHERE niveau = 'vierkant')
SELECT v.vierkant, b.code AS buurt_code
FROM v
JOIN hkd.gebieden b
  ON b.niveau = 'buurt'
 AND ST_Contains(b.geom, ST_SetSRID(ST_MakePoint(substr(v.vierkant, 2, 4)::int * 100 + 50,
                                                 substr(v.vierkant, 7, 4)::int * 100 + 50), 28992));
CREATE INDEX vierkant_buurt_bepaald_vierkant ON hkd.vierkant_buurt_bepaald (vierkant);
REVOKE ALL ON hkd.vierkant_buurt_bepaald FROM PUBLIC;

CREATE CONSTRAINT TRIGGER vierkant_buurt_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicatoren
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.vierkant_buurt_bepaald');
CREATE TRIGGER vierkant_buurt_verversen_truncate
    AFTER TRUNCATE ON hkd.indicatoren
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.vierkant_buurt_bepaald');
CREATE CONSTRAINT TRIGGER vierkant_buurt_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.gebieden
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.vierkant_buurt_bepaald');
CREATE TRIGGER vierkant_buurt_verversen_truncate
    AFTER TRUNCATE ON hkd.gebieden
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.vierkant_buurt_bepaald');
