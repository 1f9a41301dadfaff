import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { z } from "zod";

import { bearerChallenge, routeCaller } from "@/features/access/bearer";
import { canViewInvoices } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { accountParamSchema } from "@/features/invoices/download-access";
import { invoicePdfFileName, renderInvoicePdf } from "@/features/invoices/invoice-pdf";
import { getInvoiceDetails } from "@/features/invoices/queries";
import { invoiceNumberSchema } from "@/lib/ids";
import { worldNow } from "@/server/world-clock";

const paramsSchema = z.object({
  accountId: accountParamSchema,
  invoiceId: invoiceNumberSchema,
});

const noStore = { "Cache-Control": "private, no-store" };

async function error(status: 401 | 404, challenge?: string) {
  const t = await getTranslations("invoices.pdf.errors");
  const code = status === 401 ? "unauthorized" : "notFound";
  const headers = challenge ? { ...noStore, "WWW-Authenticate": challenge } : noStore;
  return Response.json({ error: { code, message: t(code) } }, { status, headers });
}

/**
 * GET /api/billing/{accountId}/invoices/{invoiceId}/pdf: the invoice as a PDF
 * download — for the portal's session, or for a bearer token (the URL of the
 * invoice's document in the ARM API). Signed out or a bad token → 401; no
 * role on the account, or no such invoice in it → 404, so neither the account
 * nor the invoice is revealed.
 */
export async function GET(
  request: NextRequest,
  context: RouteContext<"/api/billing/[accountId]/invoices/[invoiceId]/pdf">,
) {
  const caller = await routeCaller(request);
  if (!caller.user) return error(401, bearerChallenge(caller.problem));
  const user = caller.user;
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return error(404);
  const scope = await loadBillingScope(user.id, params.data.accountId);
  if (!scope || !canViewInvoices(scope.access)) return error(404);
  const invoice = await getInvoiceDetails(scope.account.id, params.data.invoiceId);
  if (!invoice) return error(404);

  const pdf = await renderInvoicePdf(invoice, await worldNow(user.worldId));
  return new Response(Buffer.from(pdf), {
    status: 200,
    headers: {
      ...noStore,
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${invoicePdfFileName(invoice.id)}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
