import { getBillingProfile } from "@/features/arm/accounts";
import { notServed } from "@/features/arm/not-served";

type Context =
  RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/billingProfiles/[billingProfileName]">;

/** BillingProfiles_Get */
export async function GET(request: Request, { params }: Context) {
  const { billingAccountName, billingProfileName } = await params;
  return getBillingProfile(request, billingAccountName, billingProfileName);
}

/** BillingProfiles_CreateOrUpdate: not served (501). */
export async function PUT(request: Request, { params }: Context) {
  const { billingAccountName, billingProfileName } = await params;
  return notServed(request, [
    "Microsoft.Billing",
    "billingAccounts",
    billingAccountName,
    "billingProfiles",
    billingProfileName,
  ]);
}
