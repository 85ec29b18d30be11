-- Confidential woonvormen (opvang) per area only for HKD (issue 10). The provider's extended per-PC4 views showed
-- them per postcode with provider names; now they leave them out unless the layer role of the transaction is HKD
-- (hkd_beheer or a login in it; also an administrator). Providers and the public see confidential woonvormen only
-- as the total of publiek.vertrouwelijk, under the same threshold. A provider's own opvang locations stay visible
-- to that provider in hkd.mijn_locaties (row-level security).

CREATE FUNCTION hkd.ziet_vertrouwelijk() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(pg_has_role(hkd.laag_rol(), 'hkd_beheer', 'USAGE'), false)
$$;
REVOKE EXECUTE ON FUNCTION hkd.ziet_vertrouwelijk() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hkd.ziet_vertrouwelijk() TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE VIEW hkd.aanbieder_pc4 WITH (security_barrier) AS
SELECT l.pc4, w.naam AS woonvorm, w.volgorde,
       string_agg(DISTINCT l.doelgroep, '; ' ORDER BY l.doelgroep) AS doelgroepen,
       count(*)::int AS voorzieningen, sum(l.plaatsen)::int AS plaatsen,
       count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       string_agg(DISTINCT a.naam, '; ' ORDER BY a.naam) AS aanbieders
FROM hkd.locaties l
JOIN hkd.woonvormen w ON w.code = l.woonvorm
JOIN hkd.aanbieders a ON a.id = l.aanbieder_id
WHERE l.pc4 IS NOT NULL AND (NOT w.vertrouwelijk OR hkd.ziet_vertrouwelijk())
GROUP BY l.pc4, w.naam, w.volgorde;

CREATE OR REPLACE VIEW hkd.aanbieder_pc4_totaal WITH (security_barrier) AS
SELECT g.code AS pc4, g.naam AS plaats, count(l.id)::int AS voorzieningen,
       coalesce(sum(l.plaatsen), 0)::int AS plaatsen, count(DISTINCT l.aanbieder_id)::int AS aantal_aanbieders,
       g.geom_display AS geom
FROM hkd.gebieden g
LEFT JOIN (hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm AND (NOT w.vertrouwelijk OR hkd.ziet_vertrouwelijk()))
    ON l.pc4 = g.code
WHERE g.niveau = 'pc4'
GROUP BY g.code, g.naam, g.geom_display;
