-- Wijktrends: the indicators and the display outlines of the areas, readable by every layer through views in
-- schema publiek (deny by default: no grant on the base tables hkd.indicatoren and hkd.gebieden). The data is not
-- sensitive (public statistics per area), but the layers see it only in this shape: no source geometry in RD New,
-- no internal ids.

CREATE VIEW publiek.indicator_waarden AS
SELECT i.niveau, i.gebied_code, i.jaar, i.indicator, i.waarde, i.bron
FROM hkd.indicatoren i;
COMMENT ON VIEW publiek.indicator_waarden IS
  'Indicator values per level, area code, year and indicator (Wijktrends); read-only for every layer.';

CREATE VIEW publiek.indicator_gebieden AS
SELECT g.niveau, g.code, g.naam, g.parent_code, g.jaar, g.geom_display
FROM hkd.gebieden g;
COMMENT ON VIEW publiek.indicator_gebieden IS
  'Areas with their simplified WGS84 outline, for the Wijktrends maps; read-only for every layer.';

GRANT SELECT ON publiek.indicator_waarden, publiek.indicator_gebieden TO hkd_publiek, hkd_aanbieder, hkd_beheer;
