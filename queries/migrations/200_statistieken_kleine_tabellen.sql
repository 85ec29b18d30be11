-- Planner statistics for the one-row rule table. Autovacuum never analyses a table of one row (its threshold is 50
-- changed rows), so the planner assumed 800 rows for hkd.indicator_openbaarmaking; publiek.indicator_waarden cross
-- joins it with every indicator value, and at national scale (294,000 values) it planned 235 million rows: hash
-- aggregates split into 256 partitions on disk and PostgreSQL's JIT compiled for seconds. One row, known as one.
ANALYZE hkd.indicator_openbaarmaking;
