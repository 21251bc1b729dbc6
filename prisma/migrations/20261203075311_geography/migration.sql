-- AlterTable
ALTER TABLE "Division" ADD COLUMN     "nameEnGenerated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pinyinInitials" VARCHAR(100);

-- CreateTable
CREATE TABLE "DivisionBoundary" (
    "divisionId" INTEGER NOT NULL,
    "geometry" JSONB NOT NULL,
    "sourceDatum" "CoordinateDatum" NOT NULL,
    "source" VARCHAR(300) NOT NULL,
    "tolerance" DECIMAL(8,6) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DivisionBoundary_pkey" PRIMARY KEY ("divisionId")
);

-- CreateIndex
CREATE INDEX "Division_code_trgm_idx" ON "Division" USING GIN ("code" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Division_pinyinInitials_trgm_idx" ON "Division" USING GIN ("pinyinInitials" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "DivisionBoundary" ADD CONSTRAINT "DivisionBoundary_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE CASCADE ON UPDATE CASCADE;

