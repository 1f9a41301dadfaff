import type { NextRequest } from "next/server";
import { z } from "zod";

import {
  authorizeInvoiceDownload,
  downloadError,
  noStore,
  tooManyDownloads,
} from "@/features/invoices/download-access";
import { PAGE_SIZE } from "@/features/invoices/filters";
import { invoicePdfFileName, renderInvoicePdf } from "@/features/invoices/invoice-pdf";
import { zipStream } from "@/features/invoices/invoice-zip";
import { getInvoicesForDownload } from "@/features/invoices/queries";
import { takeZipTurn } from "@/features/invoices/zip-limit";
import { invoiceNumberSchema } from "@/lib/ids";
import { worldNow } from "@/server/world-clock";

/** The grid selects at most a page of invoices; each named once. */
const querySchema = z
  .array(invoiceNumberSchema)
  .min(1)
  .max(PAGE_SIZE)
  .refine((ids) => new Set(ids).size === ids.length);

/**
 * GET /api/billing/{accountId}/invoices/download?invoice=A&invoice=B: the
 * selected invoices' PDFs in one ZIP, streamed. Any role on the account may
 * download; signed out → 401; no role, or an invoice not the account's → 404;
 * a malformed selection → 400; past the user's ZIP limit (zip-limit.ts) → 429
 * with Retry-After.
 */
export async function GET(request: NextRequest, context: RouteContext<"/api/billing/[accountId]/invoices/download">) {
  const access = await authorizeInvoiceDownload((await context.params).accountId);
  if (access instanceof Response) return access;
  const ids = querySchema.safeParse(request.nextUrl.searchParams.getAll("invoice"));
  if (!ids.success) return downloadError(400);
  const invoices = await getInvoicesForDownload(access.accountId, ids.data);
  if (!invoices) return downloadError(404);
  // Counted once the request is known to be a real ZIP: a refused selection costs no turn.
  const turn = takeZipTurn(access.userId);
  if (!turn.ok) return tooManyDownloads(turn.retryAfterSeconds);

  const today = await worldNow(access.worldId);
  const body = zipStream(
    invoices.map((invoice) => ({
      filename: invoicePdfFileName(invoice.id),
      mtime: today,
      render: () => renderInvoicePdf(invoice, today),
    })),
  );
  return new Response(body, {
    status: 200,
    headers: {
      ...noStore,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="Invoices_${today.toISOString().slice(0, 10)}.zip"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
