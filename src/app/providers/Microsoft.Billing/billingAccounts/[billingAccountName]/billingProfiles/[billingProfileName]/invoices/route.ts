import { listInvoices } from "@/features/arm/invoices";

/** Invoices_ListByBillingProfile */
export async function GET(
  request: Request,
  {
    params,
  }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/billingProfiles/[billingProfileName]/invoices">,
) {
  const { billingAccountName, billingProfileName } = await params;
  return listInvoices(request, billingAccountName, billingProfileName);
}
