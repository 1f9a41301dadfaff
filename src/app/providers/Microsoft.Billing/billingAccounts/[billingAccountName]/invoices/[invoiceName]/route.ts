import { getInvoice } from "@/features/arm/invoices";

/** Invoices_Get, and Invoices_GetById when the account name is "default". */
export async function GET(
  request: Request,
  { params }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/invoices/[invoiceName]">,
) {
  const { billingAccountName, invoiceName } = await params;
  return getInvoice(request, billingAccountName, invoiceName);
}
