import type { NextRequest } from "next/server";

import { authorizeInvoiceDownload, downloadError, noStore } from "@/features/invoices/download-access";
import { getInvoiceDetails } from "@/features/invoices/queries";
import { usageFileCsv, usageFileName } from "@/features/invoices/usage-file";
import { invoiceNumberSchema } from "@/lib/ids";

/**
 * GET /api/billing/{accountId}/invoices/{invoiceId}/usage: "Prepare Azure usage
 * file" — the invoice's usage lines as CSV with Azure's column names. Same access
 * as the PDF: any role on the account; signed out → 401; otherwise 404.
 */
export async function GET(
  _request: NextRequest,
  context: RouteContext<"/api/billing/[accountId]/invoices/[invoiceId]/usage">,
) {
  const { accountId: accountParam, invoiceId: invoiceParam } = await context.params;
  const access = await authorizeInvoiceDownload(accountParam);
  if (access instanceof Response) return access;
  const invoiceId = invoiceNumberSchema.safeParse(invoiceParam);
  if (!invoiceId.success) return downloadError(404);
  const invoice = await getInvoiceDetails(access.accountId, invoiceId.data);
  if (!invoice) return downloadError(404);

  // A byte-order mark so spreadsheet programs read the UTF-8 names (é, —) right.
  const csv = `\uFEFF${usageFileCsv(invoice)}`;
  return new Response(csv, {
    status: 200,
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${usageFileName(invoice.id)}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
