import { startInvoiceDownload } from "@/features/arm/download";

/** Invoices_DownloadInvoice: 202 Accepted with a Location to poll. */
export async function POST(
  request: Request,
  {
    params,
  }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/invoices/[invoiceName]/download">,
) {
  const { billingAccountName, invoiceName } = await params;
  return startInvoiceDownload(request, billingAccountName, invoiceName);
}
