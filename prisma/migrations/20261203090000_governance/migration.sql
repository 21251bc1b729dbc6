-- Review before publication, locked reporting periods and "as of" reads. The published copy of the
-- records (schema "published") is kept in step with this schema by the migrator after every
-- migration (src/mirror.ts), so it is not created here.

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REVIEWER' BEFORE 'VIEWER';

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'SUBMIT';
ALTER TYPE "AuditAction" ADD VALUE 'APPROVE';
ALTER TYPE "AuditAction" ADD VALUE 'REJECT';
ALTER TYPE "AuditAction" ADD VALUE 'WITHDRAW';
ALTER TYPE "AuditAction" ADD VALUE 'PUBLISH';
ALTER TYPE "AuditAction" ADD VALUE 'LOCK';
ALTER TYPE "AuditAction" ADD VALUE 'UNLOCK';

-- CreateEnum
CREATE TYPE "ChangeSetStatus" AS ENUM ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChangeSetOrigin" AS ENUM ('FORM', 'IMPORT', 'BATCH');

-- CreateTable
CREATE TABLE "ChangeSet" (
    "id" SERIAL NOT NULL,
    "status" "ChangeSetStatus" NOT NULL,
    "origin" "ChangeSetOrigin" NOT NULL,
    "note" VARCHAR(2000),
    "authorId" INTEGER,
    "authorName" VARCHAR(100) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewerId" INTEGER,
    "reviewerName" VARCHAR(100),
    "reviewReason" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ChangeSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" SERIAL NOT NULL,
    "changeSetId" INTEGER NOT NULL,
    "recordType" VARCHAR(50) NOT NULL,
    "recordId" INTEGER NOT NULL,
    "action" "AuditAction" NOT NULL,
    "fields" JSONB NOT NULL,
    "baseVersion" INTEGER,
    "version" INTEGER NOT NULL,
    "divisionPath" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordType" VARCHAR(50) NOT NULL,
    "recordId" INTEGER NOT NULL,
    "action" "AuditAction" NOT NULL,
    "version" INTEGER,
    "changeSetId" INTEGER,
    "changedFields" TEXT[],
    "divisionPath" INTEGER[],
    "snapshot" JSONB,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PeriodLock" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER,
    "reason" VARCHAR(1000),
    "lockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedById" INTEGER,
    "lockedByName" VARCHAR(100) NOT NULL,
    "unlockedAt" TIMESTAMP(3),
    "unlockedById" INTEGER,
    "unlockedByName" VARCHAR(100),
    "unlockReason" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PeriodLock_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "changeSetId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEvent_changeSetId_idx" ON "AuditEvent"("changeSetId");

-- CreateIndex
CREATE INDEX "ChangeSet_status_submittedAt_idx" ON "ChangeSet"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ChangeSet_authorId_status_idx" ON "ChangeSet"("authorId", "status");

-- CreateIndex
CREATE INDEX "Change_recordType_recordId_idx" ON "Change"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "Change_divisionPath_idx" ON "Change" USING GIN ("divisionPath");

-- CreateIndex
CREATE UNIQUE INDEX "Change_changeSetId_recordType_recordId_key" ON "Change"("changeSetId", "recordType", "recordId");

-- CreateIndex
CREATE INDEX "Publication_recordType_recordId_seq_idx" ON "Publication"("recordType", "recordId", "seq");

-- CreateIndex
CREATE INDEX "Publication_at_idx" ON "Publication"("at");

-- CreateIndex
CREATE INDEX "PeriodLock_divisionId_year_idx" ON "PeriodLock"("divisionId", "year");

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeSet" ADD CONSTRAINT "ChangeSet_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_changeSetId_fkey" FOREIGN KEY ("changeSetId") REFERENCES "ChangeSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodLock" ADD CONSTRAINT "PeriodLock_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A period is a year, or a quarter of it.
ALTER TABLE "PeriodLock" ADD CONSTRAINT "PeriodLock_quarter_check" CHECK ("quarter" IS NULL OR "quarter" BETWEEN 1 AND 4);
ALTER TABLE "PeriodLock" ADD CONSTRAINT "PeriodLock_year_check" CHECK ("year" BETWEEN 1949 AND 2100);
-- At most one lock in force per division and period.
CREATE UNIQUE INDEX "PeriodLock_in_force_key" ON "PeriodLock"(COALESCE("divisionId", 0), "year", COALESCE("quarter", 0)) WHERE "unlockedAt" IS NULL;

-- The publication log is history: nothing rewrites or removes it.
CREATE FUNCTION "publication_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Publication rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Publication_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "Publication"
  FOR EACH STATEMENT EXECUTE FUNCTION "publication_is_append_only"();
