-- Kaart 4-1 of Veerkracht in Rotterdam (seed 002): the dominant woningcorporatie per area.
--
-- hkd.corporatie_bezit: dwellings a corporation owns per area and year (CBS/BAG-based counts from the
-- corporations or the municipality). Not personal data and not provider-specific (a corporation is no zorgaanbieder),
-- so no row-level security; written by HKD (hkd_beheer) only, every write audited.
--
-- The denominator is the area's number of addresses: the indicator 'adressen' in hkd.indicatoren (same area, same
-- year), so that it is loaded, matched to boundaries and audited like every other area figure. When it is missing
-- the share is NULL but the dominant corporation is still known: on one area every corporation has the same
-- denominator, so the largest share is the largest number of dwellings.
--
-- publiek.corporatie_aandeel: every corporation with dwellings (> 0) per area and year, its name and share, and
-- its rank. Tie rule: equal numbers of dwellings rank by the corporation's name, alphabetically (then its code),
-- so rank 1 is always one corporation. publiek.dominante_corporatie: rank 1 only. An area absent from the view has
-- no corporatiebezit ("geen corporatiebezit" on the map). Readable by every layer: no facility, address or person.

CREATE TABLE hkd.corporatie_bezit (
    id            bigserial PRIMARY KEY,
    jaar          integer NOT NULL CHECK (jaar BETWEEN 1990 AND 2100),
    niveau        text NOT NULL CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4')),
    gebied_code   text NOT NULL CHECK (btrim(gebied_code) <> ''),
    corporatie_id integer NOT NULL REFERENCES hkd.corporaties (id),
    woningen      integer NOT NULL CHECK (woningen >= 0),
    bron          text NOT NULL CHECK (btrim(bron) <> '' AND length(bron) <= 200),
    UNIQUE (jaar, niveau, gebied_code, corporatie_id)
);
CREATE INDEX corporatie_bezit_gebied ON hkd.corporatie_bezit (niveau, jaar, gebied_code);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.corporatie_bezit
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
GRANT SELECT, INSERT, DELETE ON hkd.corporatie_bezit TO hkd_beheer;
GRANT UPDATE (woningen, bron) ON hkd.corporatie_bezit TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.corporatie_bezit_id_seq TO hkd_beheer;

CREATE VIEW publiek.corporatie_aandeel WITH (security_barrier) AS
SELECT b.jaar, b.niveau, b.gebied_code, c.code AS corporatie_code, c.naam AS corporatie, b.woningen,
       a.waarde AS adressen,
       CASE WHEN a.waarde > 0 THEN round((100.0 * b.woningen / a.waarde)::numeric, 1)::float8 END AS aandeel,
       row_number() OVER (PARTITION BY b.jaar, b.niveau, b.gebied_code
                          ORDER BY b.woningen DESC, c.naam, c.code)::int AS rang
FROM hkd.corporatie_bezit b
JOIN hkd.corporaties c ON c.id = b.corporatie_id
LEFT JOIN hkd.indicatoren a
       ON a.indicator = 'adressen' AND a.niveau = b.niveau AND a.gebied_code = b.gebied_code AND a.jaar = b.jaar
WHERE b.woningen > 0;
COMMENT ON VIEW publiek.corporatie_aandeel IS
  'Dwellings per corporation, area and year with the share of the area''s addresses and the rank (ties: name).';

CREATE VIEW publiek.dominante_corporatie WITH (security_barrier) AS
SELECT jaar, niveau, gebied_code, corporatie_code, corporatie, woningen, adressen, aandeel
FROM publiek.corporatie_aandeel
WHERE rang = 1;
COMMENT ON VIEW publiek.dominante_corporatie IS
  'Kaart 4-1: the corporation with the largest share of the addresses per area and year (ties: alphabetical).';

GRANT SELECT ON publiek.corporatie_aandeel, publiek.dominante_corporatie TO hkd_publiek, hkd_aanbieder, hkd_beheer;
