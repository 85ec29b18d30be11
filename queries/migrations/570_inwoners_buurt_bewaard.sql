-- Issue 27: the Platform at national scale. Every figure of the Platform (the spreiding per buurt and per gebied,
-- the Lorenz curves, the concentration series over the years) asks which inhabitants count for a buurt on a date:
-- those of the latest year up to that date, else the earliest known. The statements chose that year per buurt over
-- all 98,000 inhabitant values (a window or an aggregate and a join back) on every call, 6 to 8 calls for one cold
-- Spreiding tab: 1.3-2.2 s of SQL. The choice depends on the inhabitant values only, which change when indicators
-- are loaded, so it is now kept per data version in the materialised view hkd.inwoners_buurt_bepaald: per CBS buurt
-- and every year from the first to the last year of inhabitants anywhere (geldig_jaar), the year (jaar) and value
-- (waarde) that count. A date before the first year takes the first year's row, after the last the last one's: the
-- caller clamps the date's year into the range and looks it up by equality (a hash join or an index scan, where a
-- validity range was a filter over every date times every row: 1.2 million comparisons for the series).
--
-- Kept current by the database like hkd.indicator_waarden_bepaald (migrations 440, 540): a deferred constraint
-- trigger on hkd.indicatoren refreshes it at the commit of every transaction that changed indicator values (once per
-- transaction), a TRUNCATE at once; inside the writing transaction it still shows the values before the write.
-- Only the layer that reads hkd.indicatoren itself (hkd_beheer) reads it.

CREATE MATERIALIZED VIEW hkd.inwoners_buurt_bepaald AS
WITH inw AS (
    SELECT gebied_code, jaar, waarde, lag(jaar) OVER w IS NULL AS eerste, lead(jaar) OVER w AS volgend
    FROM hkd.indicatoren
    WHERE niveau = 'buurt' AND indicator = 'inwoners'
    WINDOW w AS (PARTITION BY gebied_code ORDER BY jaar)
), bereik AS (
    SELECT min(jaar) AS eerste_jaar, max(jaar) AS laatste_jaar FROM inw
)
SELECT i.gebied_code, j::int AS geldig_jaar, i.jaar, i.waarde
FROM inw i
CROSS JOIN bereik b
CROSS JOIN LATERAL generate_series(CASE WHEN i.eerste THEN b.eerste_jaar ELSE i.jaar END,
                                   coalesce(i.volgend - 1, b.laatste_jaar)) AS j;

CREATE UNIQUE INDEX inwoners_buurt_bepaald_sleutel ON hkd.inwoners_buurt_bepaald (geldig_jaar, gebied_code);
REVOKE ALL ON hkd.inwoners_buurt_bepaald FROM PUBLIC;
GRANT SELECT ON hkd.inwoners_buurt_bepaald TO hkd_beheer;

CREATE CONSTRAINT TRIGGER inwoners_buurt_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicatoren
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.bewaard_verversen('hkd.inwoners_buurt_bepaald');
CREATE TRIGGER inwoners_buurt_verversen_truncate
    AFTER TRUNCATE ON hkd.indicatoren
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.bewaard_verversen('hkd.inwoners_buurt_bepaald');
