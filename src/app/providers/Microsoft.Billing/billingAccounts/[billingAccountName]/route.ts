import { getBillingAccount } from "@/features/arm/accounts";
import { notServed } from "@/features/arm/not-served";

type Context = RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]">;

/** BillingAccounts_Get */
export async function GET(request: Request, { params }: Context) {
  return getBillingAccount(request, (await params).billingAccountName);
}

/** BillingAccounts_Update: not served (501). */
export async function PATCH(request: Request, { params }: Context) {
  return notServed(request, ["Microsoft.Billing", "billingAccounts", (await params).billingAccountName]);
}
