-- Platform HKD (issue 14): when a location is in use (aanbod over time is computed from these dates, never typed
-- in), targets per woonvorm and year set by HKD, the woningcorporaties as parties linked to locations, and the
-- uitstroom monitor series. Spreiding for the public layer only through a disclosure-controlled view.

-- When a location is in use -------------------------------------------------------------------------------------
-- NULL in_gebruik_sinds = in use since before the register began (counted from the start of every series);
-- NULL buiten_gebruik_sinds = still in use. A location counts on date d when sinds <= d < buiten_gebruik_sinds.
ALTER TABLE hkd.locaties
    ADD COLUMN in_gebruik_sinds date,
    ADD COLUMN buiten_gebruik_sinds date,
    ADD CONSTRAINT locaties_gebruik_volgorde
        CHECK (buiten_gebruik_sinds IS NULL OR in_gebruik_sinds IS NULL OR buiten_gebruik_sinds > in_gebruik_sinds);
-- Rows that exist now keep NULL (in use since before this migration); a location added later (register import,
-- page) is in use from the day it is added unless its date is given.
ALTER TABLE hkd.locaties ALTER COLUMN in_gebruik_sinds SET DEFAULT current_date;
COMMENT ON COLUMN hkd.locaties.in_gebruik_sinds IS 'First day in use (NULL: before the register began)';
COMMENT ON COLUMN hkd.locaties.buiten_gebruik_sinds IS 'First day no longer in use (NULL: still in use)';
GRANT INSERT (in_gebruik_sinds, buiten_gebruik_sinds), UPDATE (in_gebruik_sinds, buiten_gebruik_sinds)
    ON hkd.locaties TO hkd_beheer;

-- Targets per woonvorm and year, set by HKD --------------------------------------------------------------------
-- soort 'stand': places in use at the end of the year; 'instroom': places that came into use during the year
-- (Housing First: 50 homes a year).
CREATE TABLE hkd.aanbod_doelen (
    id               serial PRIMARY KEY,
    woonvorm         text NOT NULL REFERENCES hkd.woonvormen (code),
    jaar             integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    soort            text NOT NULL DEFAULT 'stand' CHECK (soort IN ('stand', 'instroom')),
    plaatsen         integer NOT NULL CHECK (plaatsen >= 0),
    bron             text NOT NULL CHECK (btrim(bron) <> ''),
    vastgesteld_door text NOT NULL DEFAULT hkd.current_gebruiker(),
    vastgesteld_op   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (woonvorm, jaar, soort)
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.aanbod_doelen
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
GRANT SELECT ON hkd.aanbod_doelen TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (woonvorm, jaar, soort, plaatsen, bron), UPDATE (plaatsen, bron, vastgesteld_door, vastgesteld_op),
      DELETE ON hkd.aanbod_doelen TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.aanbod_doelen_id_seq TO hkd_beheer;

-- Woningcorporaties as parties -----------------------------------------------------------------------------------
CREATE TABLE hkd.corporaties (
    id   serial PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
    naam text NOT NULL UNIQUE CHECK (btrim(naam) <> '')
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.corporaties
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
GRANT SELECT ON hkd.corporaties TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (code, naam), UPDATE (naam) ON hkd.corporaties TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.corporaties_id_seq TO hkd_beheer;

-- A corporation owns and/or lets (verhuurt) a location. Provider-specific rows: row-level security as locaties.
CREATE TABLE hkd.locatie_corporaties (
    id            serial PRIMARY KEY,
    locatie_id    integer NOT NULL REFERENCES hkd.locaties (id),
    corporatie_id integer NOT NULL REFERENCES hkd.corporaties (id),
    rol           text NOT NULL CHECK (rol IN ('eigenaar', 'verhuurder')),
    UNIQUE (locatie_id, rol)
);
CREATE INDEX locatie_corporaties_corporatie ON hkd.locatie_corporaties (corporatie_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.locatie_corporaties
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
ALTER TABLE hkd.locatie_corporaties ENABLE ROW LEVEL SECURITY;
CREATE POLICY aanbieder_eigen ON hkd.locatie_corporaties FOR SELECT TO hkd_aanbieder
    USING (locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
CREATE POLICY beheer_alles ON hkd.locatie_corporaties FOR ALL TO hkd_beheer USING (true) WITH CHECK (true);
GRANT SELECT ON hkd.locatie_corporaties TO hkd_aanbieder, hkd_beheer;
GRANT INSERT, UPDATE (corporatie_id), DELETE ON hkd.locatie_corporaties TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.locatie_corporaties_id_seq TO hkd_beheer;

-- Uitstroom monitor ------------------------------------------------------------------------------------------------
-- One row per period (a year, or a quarter of it) and corporation (NULL: all corporations together).
-- Corrections replace the row (a reload); the audit log keeps what was there.
CREATE TABLE hkd.uitstroom (
    id                  serial PRIMARY KEY,
    jaar                integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    kwartaal            integer CHECK (kwartaal BETWEEN 1 AND 4),
    corporatie_id       integer REFERENCES hkd.corporaties (id),
    uitstromers         integer NOT NULL CHECK (uitstromers >= 0),
    directe_bemiddeling integer NOT NULL CHECK (directe_bemiddeling >= 0),
    reguliere_urgentie  integer NOT NULL CHECK (reguliere_urgentie >= 0),
    wachttijd_maanden   numeric(5, 1) CHECK (wachttijd_maanden >= 0),
    bron                text NOT NULL CHECK (btrim(bron) <> ''),
    geladen_door        text NOT NULL DEFAULT hkd.current_gebruiker(),
    geladen_op          timestamptz NOT NULL DEFAULT now(),
    CHECK (directe_bemiddeling + reguliere_urgentie = uitstromers)
);
CREATE UNIQUE INDEX uitstroom_periode ON hkd.uitstroom (jaar, coalesce(kwartaal, 0), coalesce(corporatie_id, 0));
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.uitstroom
    FOR EACH ROW EXECUTE FUNCTION hkd.audit();
-- City-wide figures for partners; no provider-specific rows in it.
GRANT SELECT ON hkd.uitstroom TO hkd_aanbieder, hkd_beheer;
GRANT INSERT (jaar, kwartaal, corporatie_id, uitstromers, directe_bemiddeling, reguliere_urgentie, wachttijd_maanden,
              bron),
      UPDATE (uitstromers, directe_bemiddeling, reguliere_urgentie, wachttijd_maanden, bron, geladen_door, geladen_op)
    ON hkd.uitstroom TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.uitstroom_id_seq TO hkd_beheer;

-- Public spreiding per gebied (CBS wijk): non-confidential woonvormen in use today; places only for cells that
-- reach the threshold, rounded like the PC4 views. No point, address or name of a facility.
CREATE VIEW publiek.spreiding_gebied WITH (security_barrier) AS
WITH regel AS (SELECT * FROM hkd.openbaarmaking),
cel AS (
    SELECT l.gebied_code, count(*)::int AS n, sum(l.plaatsen)::bigint AS p
    FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm
    WHERE NOT w.vertrouwelijk AND l.gebied_code IS NOT NULL
      AND (l.in_gebruik_sinds IS NULL OR l.in_gebruik_sinds <= current_date)
      AND (l.buiten_gebruik_sinds IS NULL OR l.buiten_gebruik_sinds > current_date)
    GROUP BY l.gebied_code
)
SELECT g.code, g.naam, coalesce(c.n, 0) AS voorzieningen,
       CASE WHEN c.n IS NULL THEN 0
            WHEN c.n >= r.min_voorzieningen THEN hkd.afgerond(c.p, r.afronding) END AS plaatsen
FROM hkd.gebieden g
CROSS JOIN regel r
LEFT JOIN cel c ON c.gebied_code = g.code
WHERE g.niveau = 'gebied';
GRANT SELECT ON publiek.spreiding_gebied TO hkd_publiek, hkd_aanbieder, hkd_beheer;
