import { accountIdFromParam } from "@/features/access/paths";
import { handlePaymentRequest } from "@/features/payments/payments-api";

export async function POST(request: Request, { params }: RouteContext<"/api/billing/[accountId]/invoices/[invoiceId]/payments">) {
  const { accountId, invoiceId } = await params;
  return handlePaymentRequest(request, accountIdFromParam(accountId), decodeURIComponent(invoiceId));
}
