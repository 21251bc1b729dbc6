-- Use per key and day (UTC), summed over every instance; kept 400 days (server/src/operations/key-usage.ts).

-- CreateTable
CREATE TABLE "ApiKeyUsageDay" (
    "apiKeyId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '{}',
    "rowsReturned" INTEGER NOT NULL DEFAULT 0,
    "bytesOut" BIGINT NOT NULL DEFAULT 0,
    "latencyBuckets" INTEGER[],
    "lastUsedAt" TIMESTAMP(3),
    "lastAddress" VARCHAR(64),

    CONSTRAINT "ApiKeyUsageDay_pkey" PRIMARY KEY ("apiKeyId","day")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsageDay_day_idx" ON "ApiKeyUsageDay"("day");

-- AddForeignKey
ALTER TABLE "ApiKeyUsageDay" ADD CONSTRAINT "ApiKeyUsageDay_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

