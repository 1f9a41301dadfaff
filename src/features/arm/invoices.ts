import "server-only";

import { accountIdFromParam } from "@/features/access/paths";
import { canViewInvoices } from "@/features/access/policy";
import { loadBillingScope, type BillingScope } from "@/features/access/scope";
import { timespanRange } from "@/features/invoices/filters";
import { listBillingProfiles } from "@/features/invoices/grid-query";
import { getInvoiceDetails, invoiceAccountId, listInvoicesAfter } from "@/features/invoices/queries";
import { LATEST_DAY } from "@/lib/dates";
import { worldNow } from "@/server/world-clock";

import { READ_API_VERSIONS } from "./api-version";
import { armBadRequest, armNotFound } from "./errors";
import { readListOptions } from "./list-query";
import { decodeSkipToken, INVOICE_PAGE_SIZE, nextLinkFor, parsePeriodDate, SKIP_TOKEN_PARAM } from "./paging";
import { armJson, armRequest, type ArmRequest } from "./request";
import { invoiceResource } from "./resources";

/** The scope of an account the caller may read invoices of, or null (answered as not found). */
export async function invoiceScope(userId: string, accountId: string): Promise<BillingScope | null> {
  const scope = await loadBillingScope(userId, accountId);
  return scope && canViewInvoices(scope.access) ? scope : null;
}

/**
 * Invoices_ListByBillingAccount and Invoices_ListByBillingProfile: the
 * invoices dated from periodStartDate to periodEndDate (whole days, both
 * included — the blade's custom date range), newest first, INVOICE_PAGE_SIZE
 * a page with a keyset nextLink.
 */
export async function listInvoices(request: Request, accountParam: string, profileParam?: string) {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const scope = await invoiceScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  const profiles = await listBillingProfiles(scope.account.id);
  const profileId = profileParam === undefined ? undefined : accountIdFromParam(profileParam);
  if (profileId !== undefined && !profiles.some((profile) => profile.id === profileId))
    return armNotFound("billingProfile", profileId);

  const period = readPeriod(arm);
  if (period instanceof Response) return period;
  const options = readListOptions(arm.url, arm.apiVersion);
  if (options instanceof Response) return options;
  const pageSize = options.top ?? INVOICE_PAGE_SIZE;
  const skipToken = arm.url.searchParams.get(SKIP_TOKEN_PARAM);
  const after = skipToken === null ? undefined : decodeSkipToken(skipToken);
  if (after === null) return armBadRequest("InvalidSkipToken", "The $skiptoken is not one this API issued.");

  const clock = await worldNow(arm.user.worldId);
  const rows = await listInvoicesAfter({
    accountId: scope.account.id,
    profileId,
    range: period ? timespanRange({ timespan: "custom", ...period }, clock) : {},
    after,
    take: pageSize,
  });
  const page = rows.slice(0, pageSize);
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  const last = page.at(-1);
  return armJson({
    value: page.map((row) =>
      invoiceResource(row, names.get(row.billingProfileId) ?? "", arm.url.origin, clock, arm.apiVersion),
    ),
    // `top` asks for at most that many: no next page.
    ...(rows.length > pageSize && last && options.top === null ? { nextLink: nextLinkFor(arm.url, last) } : {}),
  });
}

/** The period asked for; null (every invoice) when 2024-04-01, where the dates are optional, names neither. */
function readPeriod(arm: ArmRequest): { from: string; to: string } | null | Response {
  const rawFrom = arm.url.searchParams.get("periodStartDate");
  const rawTo = arm.url.searchParams.get("periodEndDate");
  if (rawFrom === null && rawTo === null && arm.apiVersion === "2024-04-01") return null;
  if (rawFrom === null || rawTo === null)
    return armBadRequest(
      "MissingRequiredQueryParameter",
      "The query parameters periodStartDate and periodEndDate are required (YYYY-MM-DD or MM-DD-YYYY).",
    );
  const from = parsePeriodDate(rawFrom);
  const to = parsePeriodDate(rawTo);
  if (!from || !to)
    return armBadRequest(
      "InvalidQueryParameterValue",
      "periodStartDate and periodEndDate must be YYYY-MM-DD or MM-DD-YYYY.",
    );
  if (from > LATEST_DAY || to > LATEST_DAY)
    return armBadRequest(
      "InvalidQueryParameterValue",
      `periodStartDate and periodEndDate must be on or before ${LATEST_DAY}.`,
    );
  if (from > to) return armBadRequest("InvalidQueryParameterValue", "periodStartDate is after periodEndDate.");
  return { from, to };
}

/**
 * Invoices_Get and, with the account name "default", Invoices_GetById: an
 * invoice of any account the caller may read, found by its name alone.
 */
export async function getInvoice(request: Request, accountParam: string, invoiceParam: string) {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const invoiceId = accountIdFromParam(invoiceParam);
  const accountId = accountParam === "default" ? await invoiceAccountId(invoiceId) : accountIdFromParam(accountParam);
  const scope = accountId ? await invoiceScope(arm.user.id, accountId) : null;
  if (!scope)
    return accountParam === "default" || !accountId
      ? armNotFound("invoice", invoiceId)
      : armNotFound("billingAccount", accountId);
  const invoice = await getInvoiceDetails(scope.account.id, invoiceId);
  if (!invoice) return armNotFound("invoice", invoiceId);
  const clock = await worldNow(arm.user.worldId);
  return armJson(invoiceResource(invoice, invoice.billingProfile.name, arm.url.origin, clock, arm.apiVersion));
}
