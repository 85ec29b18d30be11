-- Issue 27: Wijktrends at national scale. publiek.indicator_waarden evaluated the disclosure rule of migrations
-- 103/183 (with a self-join for the inhabitants of every buurt and year) over all values on every read: about
-- 1.5 s per indicator series at 294,000 values, five reads on a cold page. The rule's outcome is now kept in the
-- materialised view hkd.indicator_waarden_bepaald (owner only: no layer role reads it) and the public view reads it.
--
-- Kept current by the database itself, once per transaction: a deferred constraint trigger on hkd.indicatoren and
-- on the rule (hkd.indicator_openbaarmaking) refreshes it at the commit of every transaction that changed either
-- (the first event of the transaction refreshes, the others find it done); a TRUNCATE refreshes at once. So the view
-- shows committed figures; inside the writing transaction itself it still shows the figures before the write.
-- The rule is the one of migration 400 (per indicator of the catalogue, observations stored or derived) and the CBS
-- buurt rule; the public view stays a security barrier. A materialised view stores rows like a table: it lives in
-- the migrations, and a change of the rule is a new migration that recreates it (the objects are re-applied after).

CREATE MATERIALIZED VIEW hkd.indicator_waarden_bepaald AS
WITH regel AS (SELECT * FROM hkd.indicator_openbaarmaking),
beoordeeld AS (
    SELECT i.niveau, i.gebied_code, i.jaar, i.indicator, i.waarde, i.bron,
           CASE
               WHEN n.waarnemingen IS NOT NULL AND n.waarnemingen < n.minimum
                   THEN format('minder dan %s waarnemingen', n.minimum)
                        || CASE WHEN d.min_waarnemingen > r.min_waarnemingen THEN ' (inkomensgegevens)' ELSE '' END
               WHEN i.niveau = 'buurt' AND (d.cbs_buurtregel OR i.indicator = ANY (r.percentage_indicatoren))
                    AND inw.waarde < r.min_inwoners_buurt
                   THEN format('buurt met minder dan %s inwoners (CBS-regel)', r.min_inwoners_buurt)
           END AS achtergehouden
    FROM hkd.indicatoren i
    CROSS JOIN regel r
    LEFT JOIN hkd.indicator_definities d ON d.code = i.indicator
    LEFT JOIN hkd.indicatoren inw
        ON inw.indicator = 'inwoners' AND inw.niveau = i.niveau AND inw.gebied_code = i.gebied_code
       AND inw.jaar = i.jaar
    CROSS JOIN LATERAL (
        SELECT greatest(r.min_waarnemingen, d.min_waarnemingen) AS minimum,
               coalesce(i.waarnemingen::double precision,
                        CASE WHEN d.waarnemingen_uit = 'zelf' OR i.indicator = ANY (r.aantal_indicatoren)
                                 THEN round(i.waarde)
                             WHEN d.waarnemingen_uit = 'inwoners' THEN round(inw.waarde * i.waarde / 100)
                        END) AS waarnemingen
    ) n
)
SELECT niveau, gebied_code, jaar, indicator, CASE WHEN achtergehouden IS NULL THEN waarde END AS waarde, bron,
       achtergehouden
FROM beoordeeld;

CREATE UNIQUE INDEX indicator_waarden_bepaald_sleutel
    ON hkd.indicator_waarden_bepaald (niveau, indicator, gebied_code, jaar);
CREATE INDEX indicator_waarden_bepaald_achtergehouden
    ON hkd.indicator_waarden_bepaald (niveau, indicator, jaar) WHERE achtergehouden IS NOT NULL;
REVOKE ALL ON hkd.indicator_waarden_bepaald FROM PUBLIC;

-- publiek.indicator_waarden reads it (queries/objects/70_publiek.sql); the trigger function's one current
-- definition is there too (it must exist here to create the triggers).
CREATE OR REPLACE FUNCTION hkd.indicator_waarden_verversen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' OR current_setting('hkd.indicator_waarden_ververst', true) IS DISTINCT FROM 'ja' THEN
        REFRESH MATERIALIZED VIEW hkd.indicator_waarden_bepaald;
        IF TG_LEVEL = 'ROW' THEN  -- at commit: once for the whole transaction
            PERFORM set_config('hkd.indicator_waarden_ververst', 'ja', true);
        END IF;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION hkd.indicator_waarden_verversen() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicatoren
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.indicator_waarden_verversen();
CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicator_openbaarmaking
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.indicator_waarden_verversen();
CREATE TRIGGER indicator_waarden_verversen_truncate
    AFTER TRUNCATE ON hkd.indicatoren
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.indicator_waarden_verversen();
CREATE CONSTRAINT TRIGGER indicator_waarden_verversen
    AFTER INSERT OR UPDATE OR DELETE ON hkd.indicator_definities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hkd.indicator_waarden_verversen();
