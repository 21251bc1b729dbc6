-- Trusted operations per key (受信操作): a key that has any may run only those, by hash.

-- CreateTable
CREATE TABLE "TrustedOperation" (
    "id" SERIAL NOT NULL,
    "apiKeyId" INTEGER NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200),
    "document" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustedOperation_hash_idx" ON "TrustedOperation"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "TrustedOperation_apiKeyId_hash_key" ON "TrustedOperation"("apiKeyId", "hash");

-- AddForeignKey
ALTER TABLE "TrustedOperation" ADD CONSTRAINT "TrustedOperation_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

