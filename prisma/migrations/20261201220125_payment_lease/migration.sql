-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "leaseExpiresAt" DATETIME;

-- CreateIndex
CREATE INDEX "Payment_status_leaseExpiresAt_idx" ON "Payment"("status", "leaseExpiresAt");
