-- DropIndex
DROP INDEX "Invoice_billingAccountId_invoiceDate_idx";

-- CreateIndex
CREATE INDEX "Invoice_date_view_idx" ON "Invoice"("billingAccountId", "invoiceDate", "voided", "amountDueMinor", "dueDate", "totalMinor", "id");
