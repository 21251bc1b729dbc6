-- A list's totalCount of a kind within a division (the console's and partners' commonest list:
-- one kind of care facility in a county) counted from the index alone. The count must leave the
-- trash out, so without deletedAt in an index PostgreSQL read every row of the kind from the table:
-- on the bench's 100k fill, the care facilities of one kind in a county of 2,904 divisions (1,845
-- rows) took 20 ms, 4.3–4.8 ms with this index (EXPLAIN ANALYZE, custom plan; generic 26 → 11 ms).
-- Focus, list at 50 connections, two alternating pairs: PostgreSQL's time per varied page
-- 5.6–7.4 → 4.5–5.4 ms.
-- CreateIndex
CREATE INDEX "CareFacility_kind_divisionId_deletedAt_idx" ON "CareFacility"("kind", "divisionId", "deletedAt");
