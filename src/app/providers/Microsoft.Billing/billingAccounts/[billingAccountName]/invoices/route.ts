import { listInvoices } from "@/features/arm/invoices";

/** Invoices_ListByBillingAccount */
export async function GET(
  request: Request,
  { params }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/invoices">,
) {
  return listInvoices(request, (await params).billingAccountName);
}
