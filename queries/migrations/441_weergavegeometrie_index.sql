-- Issue 27: the published map's search index (queries/publiek.sql, zoekgebieden) finds the PC4 areas each wijk and
-- buurt lies in. Without an index on the display geometry that compared every area with every PC4 area: more than
-- five minutes at national scale (17,000 areas, 4,000 PC4), on every publication. Now the candidates come from
-- this index (bounding boxes), the exact overlap is computed for those only.
CREATE INDEX IF NOT EXISTS gebieden_geom_display_gist ON hkd.gebieden USING gist (geom_display);
