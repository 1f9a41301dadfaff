-- CreateIndex
CREATE INDEX "Payment_paymentMethodId_status_idx" ON "Payment"("paymentMethodId", "status");
