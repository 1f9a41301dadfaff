import { accountIdFromParam } from "@/features/access/paths";
import { handlePaymentRequest } from "@/features/payments/payments-api";

export async function POST(
  request: Request,
  { params }: RouteContext<"/api/billing/[accountId]/invoices/[invoiceId]/payments">,
) {
  const { accountId, invoiceId } = await params;
  // Both segments are decoded safely: a malformed one ("%E0", "%") is just an unknown ID (404/422), not a URIError (500).
  return handlePaymentRequest(request, accountIdFromParam(accountId), accountIdFromParam(invoiceId));
}
