import { accountIdFromParam } from "@/features/access/paths";
import { handlePaymentMethodsRequest } from "@/features/payment-methods/payment-methods-api";

/** GET: a billing profile's cards on file (bearer token or session; docs/api.md). */
export async function GET(
  request: Request,
  { params }: RouteContext<"/api/billing/[accountId]/billing-profiles/[profileId]/payment-methods">,
) {
  const { accountId, profileId } = await params;
  return handlePaymentMethodsRequest(request, accountIdFromParam(accountId), accountIdFromParam(profileId));
}
