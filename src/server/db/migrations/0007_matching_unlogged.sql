-- Recommendations are a cache of the scorer's output: no WAL for them (a batch run writes millions of rows),
-- and after a crash the table is empty and the next read or batch run recomputes (decision 0012).
ALTER TABLE "recommendation" SET UNLOGGED;
