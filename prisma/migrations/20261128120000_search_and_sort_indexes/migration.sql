-- Trigram matching for name search (contains, ignoring case); PGlite loads the extension too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Division_nameEn_idx" ON "Division"("nameEn");

-- CreateIndex
CREATE INDEX "Division_updatedAt_idx" ON "Division"("updatedAt");

-- CreateIndex
CREATE INDEX "Division_nameZh_trgm_idx" ON "Division" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Division_nameEn_trgm_idx" ON "Division" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Settlement_nameEn_idx" ON "Settlement"("nameEn");

-- CreateIndex
CREATE INDEX "Settlement_updatedAt_idx" ON "Settlement"("updatedAt");

-- CreateIndex
CREATE INDEX "Settlement_households_idx" ON "Settlement"("households");

-- CreateIndex
CREATE INDEX "Settlement_elderly_idx" ON "Settlement"("elderly");

-- CreateIndex
CREATE INDEX "Settlement_leftBehindElderly_idx" ON "Settlement"("leftBehindElderly");

-- CreateIndex
CREATE INDEX "Settlement_children_idx" ON "Settlement"("children");

-- CreateIndex
CREATE INDEX "Settlement_openedOn_idx" ON "Settlement"("openedOn");

-- CreateIndex
CREATE INDEX "Settlement_nameZh_trgm_idx" ON "Settlement" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Settlement_nameEn_trgm_idx" ON "Settlement" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Community_nameEn_idx" ON "Community"("nameEn");

-- CreateIndex
CREATE INDEX "Community_updatedAt_idx" ON "Community"("updatedAt");

-- CreateIndex
CREATE INDEX "Community_households_idx" ON "Community"("households");

-- CreateIndex
CREATE INDEX "Community_elderly_idx" ON "Community"("elderly");

-- CreateIndex
CREATE INDEX "Community_leftBehindElderly_idx" ON "Community"("leftBehindElderly");

-- CreateIndex
CREATE INDEX "Community_children_idx" ON "Community"("children");

-- CreateIndex
CREATE INDEX "Community_openedOn_idx" ON "Community"("openedOn");

-- CreateIndex
CREATE INDEX "Community_nameZh_trgm_idx" ON "Community" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Community_nameEn_trgm_idx" ON "Community" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "IndustrialPark_nameEn_idx" ON "IndustrialPark"("nameEn");

-- CreateIndex
CREATE INDEX "IndustrialPark_updatedAt_idx" ON "IndustrialPark"("updatedAt");

-- CreateIndex
CREATE INDEX "IndustrialPark_phase_idx" ON "IndustrialPark"("phase");

-- CreateIndex
CREATE INDEX "IndustrialPark_areaMu_idx" ON "IndustrialPark"("areaMu");

-- CreateIndex
CREATE INDEX "IndustrialPark_settledEnterprises_idx" ON "IndustrialPark"("settledEnterprises");

-- CreateIndex
CREATE INDEX "IndustrialPark_managingBody_idx" ON "IndustrialPark"("managingBody");

-- CreateIndex
CREATE INDEX "IndustrialPark_openedOn_idx" ON "IndustrialPark"("openedOn");

-- CreateIndex
CREATE INDEX "IndustrialPark_nameZh_trgm_idx" ON "IndustrialPark" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "IndustrialPark_nameEn_trgm_idx" ON "IndustrialPark" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Enterprise_nameEn_idx" ON "Enterprise"("nameEn");

-- CreateIndex
CREATE INDEX "Enterprise_updatedAt_idx" ON "Enterprise"("updatedAt");

-- CreateIndex
CREATE INDEX "Enterprise_sector_idx" ON "Enterprise"("sector");

-- CreateIndex
CREATE INDEX "Enterprise_productionLines_idx" ON "Enterprise"("productionLines");

-- CreateIndex
CREATE INDEX "Enterprise_jobCapacity_idx" ON "Enterprise"("jobCapacity");

-- CreateIndex
CREATE INDEX "Enterprise_averageMonthlyWage_idx" ON "Enterprise"("averageMonthlyWage");

-- CreateIndex
CREATE INDEX "Enterprise_annualOutputAtFull_idx" ON "Enterprise"("annualOutputAtFull");

-- CreateIndex
CREATE INDEX "Enterprise_openedOn_idx" ON "Enterprise"("openedOn");

-- CreateIndex
CREATE INDEX "Enterprise_nameZh_trgm_idx" ON "Enterprise" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Enterprise_nameEn_trgm_idx" ON "Enterprise" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Hospital_nameEn_idx" ON "Hospital"("nameEn");

-- CreateIndex
CREATE INDEX "Hospital_updatedAt_idx" ON "Hospital"("updatedAt");

-- CreateIndex
CREATE INDEX "Hospital_grade_idx" ON "Hospital"("grade");

-- CreateIndex
CREATE INDEX "Hospital_openBeds_idx" ON "Hospital"("openBeds");

-- CreateIndex
CREATE INDEX "Hospital_managingInstitution_idx" ON "Hospital"("managingInstitution");

-- CreateIndex
CREATE INDEX "Hospital_managedSince_idx" ON "Hospital"("managedSince");

-- CreateIndex
CREATE INDEX "Hospital_advancedTechniques_idx" ON "Hospital"("advancedTechniques");

-- CreateIndex
CREATE INDEX "Hospital_newTechniques_idx" ON "Hospital"("newTechniques");

-- CreateIndex
CREATE INDEX "Hospital_patientsReturned_idx" ON "Hospital"("patientsReturned");

-- CreateIndex
CREATE INDEX "Hospital_nameZh_trgm_idx" ON "Hospital" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Hospital_nameEn_trgm_idx" ON "Hospital" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "School_nameEn_idx" ON "School"("nameEn");

-- CreateIndex
CREATE INDEX "School_updatedAt_idx" ON "School"("updatedAt");

-- CreateIndex
CREATE INDEX "School_openedOn_idx" ON "School"("openedOn");

-- CreateIndex
CREATE INDEX "School_nameZh_trgm_idx" ON "School" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "School_nameEn_trgm_idx" ON "School" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CareFacility_nameEn_idx" ON "CareFacility"("nameEn");

-- CreateIndex
CREATE INDEX "CareFacility_updatedAt_idx" ON "CareFacility"("updatedAt");

-- CreateIndex
CREATE INDEX "CareFacility_targetGroup_idx" ON "CareFacility"("targetGroup");

-- CreateIndex
CREATE INDEX "CareFacility_floorAreaM2_idx" ON "CareFacility"("floorAreaM2");

-- CreateIndex
CREATE INDEX "CareFacility_peopleServed_idx" ON "CareFacility"("peopleServed");

-- CreateIndex
CREATE INDEX "CareFacility_openedOn_idx" ON "CareFacility"("openedOn");

-- CreateIndex
CREATE INDEX "CareFacility_nameZh_trgm_idx" ON "CareFacility" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CareFacility_nameEn_trgm_idx" ON "CareFacility" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Indicator_nameEn_idx" ON "Indicator"("nameEn");

-- CreateIndex
CREATE INDEX "Indicator_updatedAt_idx" ON "Indicator"("updatedAt");

-- CreateIndex
CREATE INDEX "Indicator_code_idx" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_unitZh_idx" ON "Indicator"("unitZh");

-- CreateIndex
CREATE INDEX "Indicator_scale_idx" ON "Indicator"("scale");

-- CreateIndex
CREATE INDEX "Indicator_nameZh_trgm_idx" ON "Indicator" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Indicator_nameEn_trgm_idx" ON "Indicator" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_nameEn_idx" ON "Source"("nameEn");

-- CreateIndex
CREATE INDEX "Source_updatedAt_idx" ON "Source"("updatedAt");

-- CreateIndex
CREATE INDEX "Source_publisher_idx" ON "Source"("publisher");

-- CreateIndex
CREATE INDEX "Source_publishedOn_idx" ON "Source"("publishedOn");

-- CreateIndex
CREATE INDEX "Source_nameZh_trgm_idx" ON "Source" USING GIN ("nameZh" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_nameEn_trgm_idx" ON "Source" USING GIN ("nameEn" gin_trgm_ops);

