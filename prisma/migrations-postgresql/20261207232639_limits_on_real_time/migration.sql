-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "recordedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PaymentMethod" ADD COLUMN     "recordedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Payment_billingAccountId_status_recordedAt_idx" ON "Payment"("billingAccountId", "status", "recordedAt");

-- CreateIndex
CREATE INDEX "Payment_userId_status_recordedAt_idx" ON "Payment"("userId", "status", "recordedAt");

-- CreateIndex
CREATE INDEX "PaymentMethod_billingProfileId_recordedAt_idx" ON "PaymentMethod"("billingProfileId", "recordedAt");

-- CreateIndex
CREATE INDEX "PaymentMethod_createdByUserId_recordedAt_idx" ON "PaymentMethod"("createdByUserId", "recordedAt");
