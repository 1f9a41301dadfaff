import { listBillingProfiles } from "@/features/arm/accounts";

/** BillingProfiles_ListByBillingAccount */
export async function GET(
  request: Request,
  { params }: RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/billingProfiles">,
) {
  return listBillingProfiles(request, (await params).billingAccountName);
}
