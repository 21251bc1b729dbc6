-- A kind's care facilities by name, read in order from a page's cursor (records/cursors.ts bounds
-- keyset pages on their first key). On the bench's 100k fill, 300 varied pages of a kind within a
-- county: 5.6–5.7 → 4.4–4.7 ms each in PostgreSQL.
-- CreateIndex
CREATE INDEX "CareFacility_kind_nameZh_idx" ON "CareFacility"("kind", "nameZh");
