-- DropIndex
DROP INDEX "BillingProfile_billingAccountId_idx";

-- CreateIndex
CREATE INDEX "BillingProfile_billingAccountId_name_idx" ON "BillingProfile"("billingAccountId", "name");
