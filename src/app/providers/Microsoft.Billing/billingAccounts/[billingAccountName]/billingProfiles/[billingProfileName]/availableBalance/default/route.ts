import { getAvailableBalance } from "@/features/arm/profile-payments";

type Context =
  RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/billingProfiles/[billingProfileName]/availableBalance/default">;

/** AvailableBalances_GetByBillingProfile (2024-04-01) */
export async function GET(request: Request, { params }: Context) {
  const { billingAccountName, billingProfileName } = await params;
  return getAvailableBalance(request, billingAccountName, billingProfileName);
}
