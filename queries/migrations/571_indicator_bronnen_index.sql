-- Issue 27: every page asks once per role whether demo figures are loaded (the demo writes every source as
-- "Demo ..."), for the visible demo label. It searched the sources of all indicator values through the public view
-- (a security barrier: no index reaches under it), 294,000 rows at national scale, 0.1-0.35 s on every cold page.
-- The few distinct sources are now read through this index by a skip scan (publiek.indicator_bronnen,
-- queries/objects/70_publiek.sql).
CREATE INDEX indicator_waarden_bepaald_bron ON hkd.indicator_waarden_bepaald (bron);
