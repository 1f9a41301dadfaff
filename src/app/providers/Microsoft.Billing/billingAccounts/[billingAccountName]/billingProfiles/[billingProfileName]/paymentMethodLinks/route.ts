import { listPaymentMethodLinks } from "@/features/arm/profile-payments";

type Context =
  RouteContext<"/providers/Microsoft.Billing/billingAccounts/[billingAccountName]/billingProfiles/[billingProfileName]/paymentMethodLinks">;

/** PaymentMethods_ListByBillingProfile (2024-04-01) */
export async function GET(request: Request, { params }: Context) {
  const { billingAccountName, billingProfileName } = await params;
  return listPaymentMethodLinks(request, billingAccountName, billingProfileName);
}
