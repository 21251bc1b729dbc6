-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "citedValue" JSONB;
