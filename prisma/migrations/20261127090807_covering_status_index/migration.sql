-- DropIndex
DROP INDEX "Invoice_billingAccountId_voided_amountDueMinor_dueDate_idx";

-- CreateIndex
CREATE INDEX "Invoice_billingAccountId_voided_amountDueMinor_dueDate_totalMinor_invoiceDate_idx" ON "Invoice"("billingAccountId", "voided", "amountDueMinor", "dueDate", "totalMinor", "invoiceDate");
