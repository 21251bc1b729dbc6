-- Key rotation with overlap: a key's earlier secrets keep working until their overlap ends.

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "rotatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RotatedApiKeySecret" (
    "id" SERIAL NOT NULL,
    "apiKeyId" INTEGER NOT NULL,
    "keyHash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "rotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RotatedApiKeySecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RotatedApiKeySecret_keyHash_key" ON "RotatedApiKeySecret"("keyHash");

-- CreateIndex
CREATE INDEX "RotatedApiKeySecret_apiKeyId_idx" ON "RotatedApiKeySecret"("apiKeyId");

-- AddForeignKey
ALTER TABLE "RotatedApiKeySecret" ADD CONSTRAINT "RotatedApiKeySecret_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
