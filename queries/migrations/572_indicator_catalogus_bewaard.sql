-- Issue 27: Wijktrends at national scale. The indicator catalogue (which indicators are loaded per level, their years,
-- number of areas and sources) grouped all 294,000 values behind the public view on every cold page: 0.3 s on a quiet
-- machine, 0.9 s on a loaded one. It depends on the values only, so it is now kept per data version in the
-- materialised view hkd.indicator_catalogus_bepaald (owner only), read through publiek.indicator_catalogus
-- (queries/objects/70_publiek.sql). Grouped from hkd.indicatoren itself: the public view holds every value's row
-- (a withheld value with its reason), so level, indicator, year, area and source are the same.
--
-- Kept current by the database like the other kept views (migrations 440, 540, 570): a deferred constraint trigger on
-- hkd.indicatoren refreshes it at the commit of every transaction that changed values (once per transaction), a
-- TRUNCATE at once.

CREATE MATERIALIZED VIEW hkd.indicator_catalogus_bepaald AS
WITH per_jaar AS (
    SELECT niveau, indicator, jaar, bron FROM hkd.indicatoren GROUP BY niveau, indicator, jaar, bron
), per_gebied AS (
    SELECT niveau, indicator, count(*)::int AS gebieden
    FROM (SELECT niveau, indicator, gebied_code FROM hkd.indicatoren GROUP BY niveau, indicator, gebied_code) AS g
    GROUP BY niveau, indicator
)
SELECT j.niveau, j.indicator, min(j.jaar)::int AS eerste_jaar, max(j.jaar)::int AS laatste_jaar,
       array_agg(DISTINCT j.jaar ORDER BY j.jaar) AS jaren, g.gebieden, string_agg(DISTINCT j.bron, '; ') AS bron
FROM per_jaar AS j
JOIN per_gebied AS g ON g.niveau = j.niveau AND g.indicator = j.indicator
GROUP BY j.niveau, j.indicator, g.gebieden;

CREATE UNIQUE INDEX indicator_catalogus_bepaald_sleutel ON hkd.indicator_catalogus_bepaald (niveau, indicator);
REVOKE ALL ON hkd.indicator_catalogus_bepaald FROM PUBLIC;

CREATE CONSTRAINT TRIGGER indicator_catalogus_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicatoren
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_catalogus_bepaald');
CREATE TRIGGER indicator_catalogus_verversen_truncate
    AFTER TRUNCATE ON hkd.indicatoren
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.indicator_catalogus_bepaald');
