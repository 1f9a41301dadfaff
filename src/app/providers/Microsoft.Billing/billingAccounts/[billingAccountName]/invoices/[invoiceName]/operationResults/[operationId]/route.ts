import { invoiceDownloadResult } from "@/features/arm/download";

/** The Location a download's poller reads: 200 with the document's URL. */
export async function GET(
  request: Request,
  {
    params,
  }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/invoices/[invoiceName]/operationResults/[operationId]">,
) {
  const { billingAccountName, invoiceName, operationId } = await params;
  return invoiceDownloadResult(request, billingAccountName, invoiceName, operationId);
}
