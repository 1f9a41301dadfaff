-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Payment_status_leaseExpiresAt_idx" ON "Payment"("status", "leaseExpiresAt");
