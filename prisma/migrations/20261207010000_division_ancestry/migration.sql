-- "Within a division" as a join of two indexes. A list's filter `withinDivision` (the console's and
-- partners' commonest page: one kind of care facility in a county) tested each record's division
-- with `"ancestorIds" @> ARRAY[id]` on the GIN index, which PostgreSQL can only answer by reading
-- the divisions' rows (340 pages for a county's 2,904 divisions, the widest part of the page's
-- count). This table holds the same facts as rows, (ancestor, division) for every id in a
-- division's ancestorIds, so "within X" reads X's entries of its primary key alone, in division
-- order, merged with the records' (kind, divisionId) index: on the bench's 100k fill the count of a
-- county's canteens went from 3.1 to 1.2 ms (EXPLAIN ANALYZE), the page's whole statement served
-- 475 / 586 / 458 → 860 / 839 / 530 times a second (pgbench, 10 clients, a random county's canteens,
-- alternating), and took 4.4 → 2.9 ms on the embedded database (median of 40).
--
-- It is derived, never written by the hub: triggers on "Division" keep it in step with every
-- insert, update, delete and truncate, in this schema and in the published copy and its copies as
-- of a moment (mirror.ts creates the same table and triggers there). It is not a model in
-- schema.prisma, so exports, backups and the API never see it; an import's divisions fill it.
CREATE TABLE "DivisionAncestry" (
    "ancestorId" INTEGER NOT NULL,
    "divisionId" INTEGER NOT NULL,
    CONSTRAINT "DivisionAncestry_pkey" PRIMARY KEY ("ancestorId", "divisionId")
);

-- The statement-level triggers see the rows a statement changed as transition tables; the schema
-- is the trigger's table's, so one function serves every copy.
CREATE FUNCTION "division_ancestry_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I."DivisionAncestry" SELECT DISTINCT a, d.id FROM added d, unnest(d."ancestorIds") a ON CONFLICT DO NOTHING',
    TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

CREATE FUNCTION "division_ancestry_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'DELETE FROM %I."DivisionAncestry" x USING removed o LEFT JOIN added n ON n.id = o.id
     WHERE x."divisionId" = o.id AND (n.id IS NULL OR n."ancestorIds" IS DISTINCT FROM o."ancestorIds")',
    TG_TABLE_SCHEMA);
  EXECUTE format(
    'INSERT INTO %I."DivisionAncestry" SELECT DISTINCT a, n.id FROM added n LEFT JOIN removed o ON o.id = n.id,
       unnest(n."ancestorIds") a WHERE o.id IS NULL OR n."ancestorIds" IS DISTINCT FROM o."ancestorIds"
     ON CONFLICT DO NOTHING',
    TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

CREATE FUNCTION "division_ancestry_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I."DivisionAncestry" x USING removed o WHERE x."divisionId" = o.id', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

CREATE FUNCTION "division_ancestry_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I."DivisionAncestry"', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

CREATE TRIGGER "DivisionAncestry_added" AFTER INSERT ON "Division"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "division_ancestry_added"();
CREATE TRIGGER "DivisionAncestry_changed" AFTER UPDATE ON "Division"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "division_ancestry_changed"();
CREATE TRIGGER "DivisionAncestry_removed" AFTER DELETE ON "Division"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "division_ancestry_removed"();
CREATE TRIGGER "DivisionAncestry_truncated" AFTER TRUNCATE ON "Division"
  FOR EACH STATEMENT EXECUTE FUNCTION "division_ancestry_truncated"();

INSERT INTO "DivisionAncestry" SELECT DISTINCT a, d.id FROM "Division" d, unnest(d."ancestorIds") a;
