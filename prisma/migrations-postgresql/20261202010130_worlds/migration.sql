-- AlterTable
ALTER TABLE "BillingAccount" ADD COLUMN     "worldId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "worldId" TEXT;

-- CreateTable
CREATE TABLE "World" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "now" TIMESTAMP(3) NOT NULL,
    "invoiceSequence" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "World_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "World_number_key" ON "World"("number");

-- CreateIndex
CREATE INDEX "World_lastUsedAt_idx" ON "World"("lastUsedAt");

-- CreateIndex
CREATE INDEX "BillingAccount_worldId_idx" ON "BillingAccount"("worldId");

-- CreateIndex
CREATE INDEX "User_worldId_idx" ON "User"("worldId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_worldId_fkey" FOREIGN KEY ("worldId") REFERENCES "World"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingAccount" ADD CONSTRAINT "BillingAccount_worldId_fkey" FOREIGN KEY ("worldId") REFERENCES "World"("id") ON DELETE CASCADE ON UPDATE CASCADE;
