import "server-only";

import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { accountIdFromParam } from "@/features/access/paths";
import { canViewInvoices } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { currentUser } from "@/features/access/session";

import { PAGE_SIZE } from "./filters";

/** An invoice number as the grid shows it (also what the PDF, usage and ZIP routes accept). */
export const accountParamSchema = z.string().transform(accountIdFromParam).pipe(z.string().min(1).max(200));

export const noStore = { "Cache-Control": "private, no-store" };

/** The JSON error of the download routes, in the reader's language. */
export async function downloadError(status: 400 | 401 | 404): Promise<Response> {
  const t = await getTranslations("invoices.pdf.errors");
  const code = status === 401 ? "unauthorized" : status === 400 ? "badRequest" : "notFound";
  const message = code === "badRequest" ? t(code, { max: PAGE_SIZE }) : t(code);
  return Response.json({ error: { code, message } }, { status, headers: noStore });
}

/** 429 for a ZIP past the user's limit (zip-limit.ts), in the reader's language, with Retry-After. */
export async function tooManyDownloads(retryAfterSeconds: number): Promise<Response> {
  const t = await getTranslations("invoices.pdf.errors");
  return Response.json(
    { error: { code: "tooManyRequests", message: t("tooManyDownloads", { seconds: retryAfterSeconds }) } },
    { status: 429, headers: { ...noStore, "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * Who may download an account's invoices (PDF, usage file, ZIP): any role on the
 * account, readers included. Signed out → 401; no role or no such account → 404,
 * so the account is not revealed. Returns the account's ID or the error response.
 */
export async function authorizeInvoiceDownload(
  accountParam: string,
): Promise<{ accountId: string; userId: string; worldId: string | null } | Response> {
  const user = await currentUser();
  if (!user) return downloadError(401);
  const accountId = accountParamSchema.safeParse(accountParam);
  if (!accountId.success) return downloadError(404);
  const scope = await loadBillingScope(user.id, accountId.data);
  if (!scope || !canViewInvoices(scope.access)) return downloadError(404);
  return { accountId: scope.account.id, userId: user.id, worldId: user.worldId };
}
