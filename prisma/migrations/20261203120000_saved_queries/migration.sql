-- CreateTable
CREATE TABLE "SavedQuery" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "resource" VARCHAR(50) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "params" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedQuery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedQuery_resource_shared_idx" ON "SavedQuery"("resource", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "SavedQuery_ownerId_resource_name_key" ON "SavedQuery"("ownerId", "resource", "name");

-- AddForeignKey
ALTER TABLE "SavedQuery" ADD CONSTRAINT "SavedQuery_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
