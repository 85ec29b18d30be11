-- Foundation schema: areas, providers, locations, append-only decisions and beheer-status, indicators, audit.
-- Geometry is stored in RD New (EPSG:28992); display geometry is pre-simplified WGS84.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS hkd;

-- Areas ---------------------------------------------------------------------------------------------------
CREATE TABLE hkd.gebieden (
    id            serial PRIMARY KEY,
    niveau        text NOT NULL CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4')),
    code          text NOT NULL CHECK (code <> ''),
    naam          text NOT NULL,
    parent_code   text,
    jaar          integer NOT NULL CHECK (jaar BETWEEN 1990 AND 2100),
    bron          text NOT NULL,
    geom          geometry(MultiPolygon, 28992) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    geom_display  geometry(MultiPolygon, 4326) NOT NULL,
    UNIQUE (niveau, code)
);
CREATE INDEX gebieden_geom_gist ON hkd.gebieden USING gist (geom);
COMMENT ON TABLE hkd.gebieden IS
  'gebied = CBS wijk (WK), buurt = CBS buurt (BU, Rotterdam''s "wijk"), wijkprofiel = Wijkprofiel wijk, pc4 = postcode area';

CREATE TABLE hkd.geografie (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    soort       text NOT NULL CHECK (soort IN ('echt', 'schematisch')),
    omschrijving text NOT NULL,
    geladen_op  timestamptz NOT NULL DEFAULT now()
);

-- Providers, housing forms, locations ---------------------------------------------------------------------
CREATE TABLE hkd.aanbieders (
    id    serial PRIMARY KEY,
    code  text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
    naam  text NOT NULL UNIQUE
);

CREATE TABLE hkd.woonvormen (
    code          text PRIMARY KEY,
    naam          text NOT NULL UNIQUE,
    vertrouwelijk boolean NOT NULL DEFAULT false,
    volgorde      integer NOT NULL
);
INSERT INTO hkd.woonvormen (code, naam, vertrouwelijk, volgorde) VALUES
    ('opvang', 'Opvang', true, 1),
    ('beschermd_wonen', 'Beschermd wonen', false, 2),
    ('doorstroom', 'Doorstroomvoorziening', false, 3),
    ('flexwonen', 'Flexwonen', false, 4),
    ('wonen_eerst', 'Wonen eerst (Housing First)', false, 5),
    ('zelfstandig_zorg', 'Zelfstandig wonen met huur-zorgovereenkomst', false, 6);

CREATE TABLE hkd.locaties (
    id               serial PRIMARY KEY,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]+$'),
    naam             text NOT NULL CHECK (naam <> ''),
    aanbieder_id     integer NOT NULL REFERENCES hkd.aanbieders (id),
    woonvorm         text NOT NULL REFERENCES hkd.woonvormen (code),
    doelgroep        text NOT NULL,
    plaatsen         integer NOT NULL CHECK (plaatsen >= 0),
    straat           text NOT NULL,
    huisnummer       text NOT NULL CHECK (huisnummer ~ '^[1-9][0-9]{0,4}[A-Za-z]?(-[A-Za-z0-9]{1,4})?$'),
    postcode         text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    plaats           text NOT NULL DEFAULT 'Rotterdam',
    geom             geometry(Point, 28992) NOT NULL,
    -- derived spatially by trigger, never typed by hand
    pc4              text,
    buurt_code       text,
    gebied_code      text,
    wijkprofiel_code text
);
CREATE INDEX locaties_geom_gist ON hkd.locaties USING gist (geom);
CREATE INDEX locaties_aanbieder ON hkd.locaties (aanbieder_id);

CREATE FUNCTION hkd.area_code_at(p geometry, p_niveau text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT code FROM hkd.gebieden
    WHERE niveau = p_niveau AND ST_Intersects(geom, p)
    ORDER BY code LIMIT 1
$$;

CREATE FUNCTION hkd.locaties_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente')
       AND NOT EXISTS (SELECT 1 FROM hkd.gebieden WHERE niveau = 'gemeente' AND ST_Intersects(geom, NEW.geom)) THEN
        RAISE EXCEPTION 'locatie % ligt buiten de gemeente', NEW.code USING ERRCODE = 'check_violation';
    END IF;
    NEW.pc4 := hkd.area_code_at(NEW.geom, 'pc4');
    NEW.buurt_code := hkd.area_code_at(NEW.geom, 'buurt');
    NEW.gebied_code := hkd.area_code_at(NEW.geom, 'gebied');
    NEW.wijkprofiel_code := hkd.area_code_at(NEW.geom, 'wijkprofiel');
    RETURN NEW;
END $$;
CREATE TRIGGER locaties_derive BEFORE INSERT OR UPDATE OF geom ON hkd.locaties
    FOR EACH ROW EXECUTE FUNCTION hkd.locaties_derive();

-- Re-derive every location's areas after boundaries were (re)loaded.
CREATE FUNCTION hkd.rederive_locaties() RETURNS void
LANGUAGE sql AS $$
    UPDATE hkd.locaties SET
        pc4 = hkd.area_code_at(geom, 'pc4'),
        buurt_code = hkd.area_code_at(geom, 'buurt'),
        gebied_code = hkd.area_code_at(geom, 'gebied'),
        wijkprofiel_code = hkd.area_code_at(geom, 'wijkprofiel')
$$;

-- Append-only history ------------------------------------------------------------------------------------
CREATE FUNCTION hkd.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is alleen-toevoegen: een correctie is een nieuwe regel, geen wijziging', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TABLE hkd.fase_besluiten (
    id              bigserial PRIMARY KEY,
    locatie_id      integer NOT NULL REFERENCES hkd.locaties (id),
    fase            text NOT NULL CHECK (fase IN ('0', '1', '2', '3a', '3b')),
    ingangsdatum    date NOT NULL,
    reden           text NOT NULL CHECK (btrim(reden) <> ''),
    overleg_datum   date,
    vastgelegd_door text NOT NULL CHECK (btrim(vastgelegd_door) <> ''),
    vastgelegd_op   timestamptz NOT NULL DEFAULT now(),
    corrigeert_id   bigint REFERENCES hkd.fase_besluiten (id)
);
CREATE INDEX fase_besluiten_locatie ON hkd.fase_besluiten (locatie_id, ingangsdatum, id);
CREATE TRIGGER fase_besluiten_append_only BEFORE UPDATE OR DELETE ON hkd.fase_besluiten
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER fase_besluiten_no_truncate BEFORE TRUNCATE ON hkd.fase_besluiten
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

CREATE TABLE hkd.beheer_status (
    id                bigserial PRIMARY KEY,
    locatie_id        integer NOT NULL REFERENCES hkd.locaties (id),
    ingangsdatum      date NOT NULL,
    beheercommissie   text NOT NULL CHECK (beheercommissie IN ('actief', 'opstart', 'afwezig')),
    beheerconvenant   text NOT NULL CHECK (beheerconvenant IN ('actueel', 'in_actualisatie', 'verouderd', 'afwezig')),
    convenant_datum   date,
    meldingenregister boolean NOT NULL,
    toelichting       text NOT NULL DEFAULT '',
    overleg_datum     date,
    vastgelegd_door   text NOT NULL CHECK (btrim(vastgelegd_door) <> ''),
    vastgelegd_op     timestamptz NOT NULL DEFAULT now(),
    CHECK (beheerconvenant = 'afwezig' OR convenant_datum IS NOT NULL)
);
CREATE INDEX beheer_status_locatie ON hkd.beheer_status (locatie_id, ingangsdatum, id);
CREATE TRIGGER beheer_status_append_only BEFORE UPDATE OR DELETE ON hkd.beheer_status
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();
CREATE TRIGGER beheer_status_no_truncate BEFORE TRUNCATE ON hkd.beheer_status
    FOR EACH STATEMENT EXECUTE FUNCTION hkd.refuse_change();

-- The stand on a date: latest decision with ingangsdatum <= the date (ties: the later entry wins).
CREATE FUNCTION hkd.fase_op(p_datum date) RETURNS TABLE (locatie_id integer, fase text, ingangsdatum date, besluit_id bigint)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (b.locatie_id) b.locatie_id, b.fase, b.ingangsdatum, b.id
    FROM hkd.fase_besluiten b
    WHERE b.ingangsdatum <= p_datum
    ORDER BY b.locatie_id, b.ingangsdatum DESC, b.id DESC
$$;

CREATE FUNCTION hkd.beheer_op(p_datum date) RETURNS SETOF hkd.beheer_status
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (s.locatie_id) s.*
    FROM hkd.beheer_status s
    WHERE s.ingangsdatum <= p_datum
    ORDER BY s.locatie_id, s.ingangsdatum DESC, s.id DESC
$$;

-- Indicators -----------------------------------------------------------------------------------------------
CREATE TABLE hkd.indicatoren (
    id          bigserial PRIMARY KEY,
    niveau      text NOT NULL CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4')),
    gebied_code text NOT NULL,
    jaar        integer NOT NULL CHECK (jaar BETWEEN 1990 AND 2100),
    indicator   text NOT NULL CHECK (indicator ~ '^[a-z0-9_]+$'),
    waarde      double precision NOT NULL CHECK (waarde = waarde),  -- rejects NaN
    bron        text NOT NULL,
    UNIQUE (niveau, gebied_code, jaar, indicator)
);
CREATE INDEX indicatoren_lookup ON hkd.indicatoren (indicator, niveau, jaar);

-- Audit log of every write ------------------------------------------------------------------------------
CREATE TABLE hkd.audit_log (
    id        bigserial PRIMARY KEY,
    tijd      timestamptz NOT NULL DEFAULT clock_timestamp(),
    gebruiker text NOT NULL,
    db_rol    text NOT NULL DEFAULT current_user,
    actie     text NOT NULL,
    tabel     text NOT NULL,
    rij_id    text,
    gegevens  jsonb
);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON hkd.audit_log
    FOR EACH ROW EXECUTE FUNCTION hkd.refuse_change();

-- The application says who acts with: SELECT set_config('hkd.gebruiker', 'naam', true)
CREATE FUNCTION hkd.current_gebruiker() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('hkd.gebruiker', true), ''), session_user::text)
$$;

CREATE FUNCTION hkd.audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hkd, public AS $$
DECLARE
    rij jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO hkd.audit_log (gebruiker, db_rol, actie, tabel, rij_id, gegevens)
    VALUES (hkd.current_gebruiker(), current_user, TG_OP, TG_TABLE_NAME, rij ->> 'id', rij - 'geom' - 'geom_display');
    RETURN NULL;
END $$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.aanbieders FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.locaties FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.fase_besluiten FOR EACH ROW EXECUTE FUNCTION hkd.audit();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON hkd.beheer_status FOR EACH ROW EXECUTE FUNCTION hkd.audit();
-- Areas and indicators are bulk data: one audit entry per load, written by the loader.
