-- Disclosure on public indicators (issue 10; seed 002 footnote 6, DOMAIN.md "Privacy and disclosure control").
-- publiek.indicator_waarden passed every value through. Now, per value:
--   1. based on fewer than min_waarnemingen observations (hkd.indicatoren.waarnemingen, when the source gives it):
--      withheld ("minder dan 10 waarnemingen");
--   2. a percentage indicator of a CBS buurt whose number of inhabitants (indicator 'inwoners', same buurt and
--      year) is known and below min_inwoners_buurt: withheld, as CBS does ("buurt met minder dan 50 inwoners").
-- A withheld value is NULL and column achtergehouden says why (NULL when shown). The rule is configurable as the
-- owner (UPDATE hkd.indicator_openbaarmaking) and readable by every layer in publiek.indicator_regel; the Wijktrends
-- page shows it (geo.disclosure.IndicatorRule words it). The view is a security barrier: a filter of the caller
-- (e.g. a division by zero on waarde) cannot see a withheld value before the rule has removed it.

ALTER TABLE hkd.indicatoren ADD COLUMN waarnemingen integer CHECK (waarnemingen >= 0);
COMMENT ON COLUMN hkd.indicatoren.waarnemingen IS
  'Number of observations the value is based on, when the source gives it (NULL: unknown).';

CREATE TABLE hkd.indicator_openbaarmaking (
    id                     boolean PRIMARY KEY DEFAULT true CHECK (id),
    min_waarnemingen       integer NOT NULL DEFAULT 10 CHECK (min_waarnemingen >= 1),
    min_inwoners_buurt     integer NOT NULL DEFAULT 50 CHECK (min_inwoners_buurt >= 1),
    percentage_indicatoren text[] NOT NULL DEFAULT '{aandeel_corporatie}'
);
INSERT INTO hkd.indicator_openbaarmaking DEFAULT VALUES;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.indicator_openbaarmaking
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();

CREATE VIEW publiek.indicator_regel AS
SELECT min_waarnemingen, min_inwoners_buurt, percentage_indicatoren FROM hkd.indicator_openbaarmaking;

CREATE OR REPLACE VIEW publiek.indicator_waarden WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.indicator_openbaarmaking),
beoordeeld AS (
    SELECT i.niveau, i.gebied_code, i.jaar, i.indicator, i.waarde, i.bron,
           CASE
               WHEN i.waarnemingen IS NOT NULL AND i.waarnemingen < r.min_waarnemingen
                   THEN format('minder dan %s waarnemingen', r.min_waarnemingen)
               WHEN i.niveau = 'buurt' AND i.indicator = ANY (r.percentage_indicatoren) AND inw.waarde < r.min_inwoners_buurt
                   THEN format('buurt met minder dan %s inwoners (CBS-regel)', r.min_inwoners_buurt)
           END AS achtergehouden
    FROM hkd.indicatoren i
    CROSS JOIN regel r
    LEFT JOIN hkd.indicatoren inw
        ON inw.indicator = 'inwoners' AND inw.niveau = i.niveau AND inw.gebied_code = i.gebied_code
       AND inw.jaar = i.jaar
)
SELECT niveau, gebied_code, jaar, indicator, CASE WHEN achtergehouden IS NULL THEN waarde END AS waarde, bron,
       achtergehouden
FROM beoordeeld;

GRANT SELECT ON publiek.indicator_regel TO hkd_publiek, hkd_aanbieder, hkd_beheer;
