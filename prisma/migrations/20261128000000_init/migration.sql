-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DivisionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "CoordinateDatum" AS ENUM ('WGS84', 'GCJ02');

-- CreateEnum
CREATE TYPE "FigureQualifier" AS ENUM ('EXACT', 'MORE_THAN', 'NEARLY', 'PLANNED');

-- CreateEnum
CREATE TYPE "HospitalRole" AS ENUM ('PROVINCIAL_REGIONAL_MEDICAL_CENTRE', 'GENERAL_HOSPITAL', 'SPECIALTY_HOSPITAL', 'MEDICAL_COMMUNITY_HEAD_HOSPITAL', 'TCM_HOSPITAL', 'TOWNSHIP_HEALTH_CENTRE', 'COMMUNITY_HEALTH_CENTRE');

-- CreateEnum
CREATE TYPE "SchoolStage" AS ENUM ('KINDERGARTEN', 'PRIMARY', 'JUNIOR_SECONDARY', 'NINE_YEAR', 'SENIOR_SECONDARY', 'VOCATIONAL', 'SPECIAL_EDUCATION');

-- CreateEnum
CREATE TYPE "CareFacilityKind" AS ENUM ('ELDERLY_CANTEEN', 'ELDERLY_SERVICE_CENTRE', 'DISABILITY_CARE_INSTITUTION', 'TOWNSHIP_ELDERLY_CENTRE', 'COMMUNITY_HOME_CARE_CENTRE', 'NURSING_HOME', 'CHILDRENS_HOME', 'CHILDCARE_CENTRE');

-- CreateEnum
CREATE TYPE "CareTargetGroup" AS ENUM ('ELDERLY', 'DISABLED_ELDERLY', 'CHILDREN', 'INFANTS', 'ALL_RESIDENTS');

-- CreateEnum
CREATE TYPE "UnitScale" AS ENUM ('ONE', 'TEN_THOUSAND', 'HUNDRED_MILLION');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('YEAR', 'YEAR_TO_QUARTER', 'QUARTER', 'POINT');

-- CreateEnum
CREATE TYPE "ObservationStatus" AS ENUM ('PRELIMINARY', 'FINAL');

-- CreateTable
CREATE TABLE "Division" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(12),
    "level" "DivisionLevel" NOT NULL,
    "parentId" INTEGER,
    "ancestorIds" INTEGER[],
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Division_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "relocatedPopulation" INTEGER,
    "households" INTEGER,
    "elderly" INTEGER,
    "leftBehindElderly" INTEGER,
    "children" INTEGER,
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "settlementId" INTEGER,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "relocatedPopulation" INTEGER,
    "households" INTEGER,
    "elderly" INTEGER,
    "leftBehindElderly" INTEGER,
    "children" INTEGER,
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndustrialPark" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "phase" INTEGER,
    "areaMu" DECIMAL(12,2),
    "settledEnterprises" INTEGER,
    "directJobs" INTEGER,
    "managingBody" VARCHAR(200),
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "IndustrialPark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "parkId" INTEGER,
    "communityId" INTEGER,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "sector" VARCHAR(100),
    "products" TEXT[],
    "productionLines" INTEGER,
    "jobCapacity" INTEGER,
    "employees" INTEGER,
    "averageMonthlyWage" DECIMAL(12,2),
    "annualOutputAtFull" DECIMAL(16,2),
    "markets" TEXT[],
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hospital" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "role" "HospitalRole" NOT NULL,
    "grade" VARCHAR(50),
    "plannedBeds" INTEGER,
    "openBeds" INTEGER,
    "specialtyCentres" TEXT[],
    "managingInstitution" VARCHAR(200),
    "managedSince" DATE,
    "advancedTechniques" INTEGER,
    "newTechniques" INTEGER,
    "patientsReturned" INTEGER,
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Hospital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "settlementId" INTEGER,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "stage" "SchoolStage" NOT NULL,
    "seats" INTEGER,
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareFacility" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "settlementId" INTEGER,
    "communityId" INTEGER,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "kind" "CareFacilityKind" NOT NULL,
    "targetGroup" "CareTargetGroup" NOT NULL,
    "floorAreaM2" DECIMAL(12,2),
    "services" TEXT[],
    "peopleServed" INTEGER,
    "openedOn" DATE,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CareFacility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarePrice" (
    "id" SERIAL NOT NULL,
    "careFacilityId" INTEGER NOT NULL,
    "minAge" INTEGER NOT NULL,
    "priceYuan" DECIMAL(10,2) NOT NULL,
    "unitZh" VARCHAR(50) NOT NULL,
    "unitEn" VARCHAR(50),

    CONSTRAINT "CarePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "divisionId" INTEGER NOT NULL,
    "code" VARCHAR(100) NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200),
    "unitZh" VARCHAR(50) NOT NULL,
    "unitEn" VARCHAR(50),
    "scale" "UnitScale" NOT NULL DEFAULT 'ONE',
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorObservation" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "periodKind" "PeriodKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER,
    "value" DECIMAL(20,4) NOT NULL,
    "provincialRank" INTEGER,
    "status" "ObservationStatus" NOT NULL DEFAULT 'FINAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "IndicatorObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "nameZh" VARCHAR(300) NOT NULL,
    "nameEn" VARCHAR(300),
    "publisher" VARCHAR(200),
    "publishedOn" DATE,
    "file" VARCHAR(300),
    "url" VARCHAR(1000),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "datum" "CoordinateDatum",
    "note" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "field" VARCHAR(100) NOT NULL,
    "statedAs" VARCHAR(100),
    "qualifier" "FigureQualifier" NOT NULL DEFAULT 'EXACT',
    "quote" VARCHAR(2000) NOT NULL,
    "divisionId" INTEGER,
    "settlementId" INTEGER,
    "communityId" INTEGER,
    "industrialParkId" INTEGER,
    "enterpriseId" INTEGER,
    "hospitalId" INTEGER,
    "schoolId" INTEGER,
    "careFacilityId" INTEGER,
    "indicatorObservationId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ParkSupportsSettlement" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ParkSupportsSettlement_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Division_code_key" ON "Division"("code");

-- CreateIndex
CREATE INDEX "Division_parentId_idx" ON "Division"("parentId");

-- CreateIndex
CREATE INDEX "Division_level_idx" ON "Division"("level");

-- CreateIndex
CREATE INDEX "Division_ancestorIds_idx" ON "Division" USING GIN ("ancestorIds");

-- CreateIndex
CREATE INDEX "Division_nameZh_idx" ON "Division"("nameZh");

-- CreateIndex
CREATE INDEX "Division_createdAt_idx" ON "Division"("createdAt");

-- CreateIndex
CREATE INDEX "Settlement_divisionId_idx" ON "Settlement"("divisionId");

-- CreateIndex
CREATE INDEX "Settlement_nameZh_idx" ON "Settlement"("nameZh");

-- CreateIndex
CREATE INDEX "Settlement_relocatedPopulation_idx" ON "Settlement"("relocatedPopulation");

-- CreateIndex
CREATE INDEX "Settlement_createdAt_idx" ON "Settlement"("createdAt");

-- CreateIndex
CREATE INDEX "Community_divisionId_idx" ON "Community"("divisionId");

-- CreateIndex
CREATE INDEX "Community_settlementId_idx" ON "Community"("settlementId");

-- CreateIndex
CREATE INDEX "Community_nameZh_idx" ON "Community"("nameZh");

-- CreateIndex
CREATE INDEX "Community_relocatedPopulation_idx" ON "Community"("relocatedPopulation");

-- CreateIndex
CREATE INDEX "Community_createdAt_idx" ON "Community"("createdAt");

-- CreateIndex
CREATE INDEX "IndustrialPark_divisionId_idx" ON "IndustrialPark"("divisionId");

-- CreateIndex
CREATE INDEX "IndustrialPark_nameZh_idx" ON "IndustrialPark"("nameZh");

-- CreateIndex
CREATE INDEX "IndustrialPark_directJobs_idx" ON "IndustrialPark"("directJobs");

-- CreateIndex
CREATE INDEX "IndustrialPark_createdAt_idx" ON "IndustrialPark"("createdAt");

-- CreateIndex
CREATE INDEX "Enterprise_divisionId_idx" ON "Enterprise"("divisionId");

-- CreateIndex
CREATE INDEX "Enterprise_parkId_idx" ON "Enterprise"("parkId");

-- CreateIndex
CREATE INDEX "Enterprise_communityId_idx" ON "Enterprise"("communityId");

-- CreateIndex
CREATE INDEX "Enterprise_nameZh_idx" ON "Enterprise"("nameZh");

-- CreateIndex
CREATE INDEX "Enterprise_employees_idx" ON "Enterprise"("employees");

-- CreateIndex
CREATE INDEX "Enterprise_createdAt_idx" ON "Enterprise"("createdAt");

-- CreateIndex
CREATE INDEX "Hospital_divisionId_idx" ON "Hospital"("divisionId");

-- CreateIndex
CREATE INDEX "Hospital_role_idx" ON "Hospital"("role");

-- CreateIndex
CREATE INDEX "Hospital_nameZh_idx" ON "Hospital"("nameZh");

-- CreateIndex
CREATE INDEX "Hospital_plannedBeds_idx" ON "Hospital"("plannedBeds");

-- CreateIndex
CREATE INDEX "Hospital_openedOn_idx" ON "Hospital"("openedOn");

-- CreateIndex
CREATE INDEX "Hospital_createdAt_idx" ON "Hospital"("createdAt");

-- CreateIndex
CREATE INDEX "School_divisionId_idx" ON "School"("divisionId");

-- CreateIndex
CREATE INDEX "School_settlementId_idx" ON "School"("settlementId");

-- CreateIndex
CREATE INDEX "School_stage_idx" ON "School"("stage");

-- CreateIndex
CREATE INDEX "School_nameZh_idx" ON "School"("nameZh");

-- CreateIndex
CREATE INDEX "School_seats_idx" ON "School"("seats");

-- CreateIndex
CREATE INDEX "School_createdAt_idx" ON "School"("createdAt");

-- CreateIndex
CREATE INDEX "CareFacility_divisionId_idx" ON "CareFacility"("divisionId");

-- CreateIndex
CREATE INDEX "CareFacility_settlementId_idx" ON "CareFacility"("settlementId");

-- CreateIndex
CREATE INDEX "CareFacility_communityId_idx" ON "CareFacility"("communityId");

-- CreateIndex
CREATE INDEX "CareFacility_kind_idx" ON "CareFacility"("kind");

-- CreateIndex
CREATE INDEX "CareFacility_nameZh_idx" ON "CareFacility"("nameZh");

-- CreateIndex
CREATE INDEX "CareFacility_createdAt_idx" ON "CareFacility"("createdAt");

-- CreateIndex
CREATE INDEX "CareFacility_divisionId_kind_nameZh_idx" ON "CareFacility"("divisionId", "kind", "nameZh");

-- CreateIndex
CREATE UNIQUE INDEX "CarePrice_careFacilityId_minAge_key" ON "CarePrice"("careFacilityId", "minAge");

-- CreateIndex
CREATE INDEX "Indicator_divisionId_idx" ON "Indicator"("divisionId");

-- CreateIndex
CREATE INDEX "Indicator_nameZh_idx" ON "Indicator"("nameZh");

-- CreateIndex
CREATE INDEX "Indicator_createdAt_idx" ON "Indicator"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_divisionId_key" ON "Indicator"("code", "divisionId");

-- CreateIndex
CREATE INDEX "IndicatorObservation_year_idx" ON "IndicatorObservation"("year");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorObservation_indicatorId_periodKind_year_quarter_key" ON "IndicatorObservation"("indicatorId", "periodKind", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "Source_file_key" ON "Source"("file");

-- CreateIndex
CREATE INDEX "Source_nameZh_idx" ON "Source"("nameZh");

-- CreateIndex
CREATE INDEX "Source_createdAt_idx" ON "Source"("createdAt");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_divisionId_idx" ON "Citation"("divisionId");

-- CreateIndex
CREATE INDEX "Citation_settlementId_idx" ON "Citation"("settlementId");

-- CreateIndex
CREATE INDEX "Citation_communityId_idx" ON "Citation"("communityId");

-- CreateIndex
CREATE INDEX "Citation_industrialParkId_idx" ON "Citation"("industrialParkId");

-- CreateIndex
CREATE INDEX "Citation_enterpriseId_idx" ON "Citation"("enterpriseId");

-- CreateIndex
CREATE INDEX "Citation_hospitalId_idx" ON "Citation"("hospitalId");

-- CreateIndex
CREATE INDEX "Citation_schoolId_idx" ON "Citation"("schoolId");

-- CreateIndex
CREATE INDEX "Citation_careFacilityId_idx" ON "Citation"("careFacilityId");

-- CreateIndex
CREATE INDEX "Citation_indicatorObservationId_idx" ON "Citation"("indicatorObservationId");

-- CreateIndex
CREATE INDEX "_ParkSupportsSettlement_B_index" ON "_ParkSupportsSettlement"("B");

-- AddForeignKey
ALTER TABLE "Division" ADD CONSTRAINT "Division_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustrialPark" ADD CONSTRAINT "IndustrialPark_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "IndustrialPark"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarePrice" ADD CONSTRAINT "CarePrice_careFacilityId_fkey" FOREIGN KEY ("careFacilityId") REFERENCES "CareFacility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorObservation" ADD CONSTRAINT "IndicatorObservation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_industrialParkId_fkey" FOREIGN KEY ("industrialParkId") REFERENCES "IndustrialPark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_careFacilityId_fkey" FOREIGN KEY ("careFacilityId") REFERENCES "CareFacility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_indicatorObservationId_fkey" FOREIGN KEY ("indicatorObservationId") REFERENCES "IndicatorObservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ParkSupportsSettlement" ADD CONSTRAINT "_ParkSupportsSettlement_A_fkey" FOREIGN KEY ("A") REFERENCES "IndustrialPark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ParkSupportsSettlement" ADD CONSTRAINT "_ParkSupportsSettlement_B_fkey" FOREIGN KEY ("B") REFERENCES "Settlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Constraints Prisma's schema language cannot state, kept by the database itself.

-- A citation belongs to exactly one record.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_exactly_one_record" CHECK (num_nonnulls(
  "divisionId", "settlementId", "communityId", "industrialParkId", "enterpriseId",
  "hospitalId", "schoolId", "careFacilityId", "indicatorObservationId") = 1);

-- A yearly observation has no quarter, and two of them for the same year must not coexist.
DROP INDEX "IndicatorObservation_indicatorId_periodKind_year_quarter_key";
CREATE UNIQUE INDEX "IndicatorObservation_indicatorId_periodKind_year_quarter_key"
  ON "IndicatorObservation"("indicatorId", "periodKind", "year", "quarter") NULLS NOT DISTINCT;
ALTER TABLE "IndicatorObservation" ADD CONSTRAINT "IndicatorObservation_quarter_range" CHECK ("quarter" BETWEEN 1 AND 4);

-- Coordinates lie on the globe.
ALTER TABLE "Division" ADD CONSTRAINT "Division_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Community" ADD CONSTRAINT "Community_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "IndustrialPark" ADD CONSTRAINT "IndustrialPark_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "School" ADD CONSTRAINT "School_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);

-- Counts are never negative.
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_counts" CHECK ("relocatedPopulation" >= 0 AND "households" >= 0 AND "elderly" >= 0 AND "leftBehindElderly" >= 0 AND "children" >= 0);
ALTER TABLE "Community" ADD CONSTRAINT "Community_counts" CHECK ("relocatedPopulation" >= 0 AND "households" >= 0 AND "elderly" >= 0 AND "leftBehindElderly" >= 0 AND "children" >= 0);
ALTER TABLE "IndustrialPark" ADD CONSTRAINT "IndustrialPark_counts" CHECK ("areaMu" >= 0 AND "settledEnterprises" >= 0 AND "directJobs" >= 0 AND "phase" >= 1);
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_counts" CHECK ("productionLines" >= 0 AND "jobCapacity" >= 0 AND "employees" >= 0 AND "averageMonthlyWage" >= 0 AND "annualOutputAtFull" >= 0);
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_counts" CHECK ("plannedBeds" >= 0 AND "openBeds" >= 0 AND "advancedTechniques" >= 0 AND "newTechniques" >= 0 AND "patientsReturned" >= 0);
ALTER TABLE "School" ADD CONSTRAINT "School_counts" CHECK ("seats" >= 0);
ALTER TABLE "CareFacility" ADD CONSTRAINT "CareFacility_counts" CHECK ("floorAreaM2" >= 0 AND "peopleServed" >= 0);
ALTER TABLE "CarePrice" ADD CONSTRAINT "CarePrice_values" CHECK ("minAge" BETWEEN 0 AND 150 AND "priceYuan" >= 0);
