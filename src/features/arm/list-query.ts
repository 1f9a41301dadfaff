import { armBadRequest } from "./errors";
import { INVOICE_PAGE_SIZE } from "./paging";

/**
 * The OData options 2024-04-01 gives the invoice lists (filter, orderBy, top,
 * skip, count, search), in both spellings clients send (`$top` and `top`).
 * The simulator serves `top` (at most that many invoices, in one page) and the
 * list's own order (`orderBy=invoiceDate desc`); a filter, search, skip, count
 * or another order is answered 400 `UnsupportedQueryParameter` (docs/api.md)
 * — never ignored, so a script never mistakes an unfiltered list for a
 * filtered one. 2020-05-01 has none of them: they stay unread there, as before.
 */
export type ListOptions = { top: number | null };

const param = (url: URL, name: string) => url.searchParams.get(name) ?? url.searchParams.get(`$${name}`);

export function readListOptions(url: URL, version: string): ListOptions | Response {
  if (version !== "2024-04-01") return { top: null };
  for (const name of ["filter", "search", "skip"])
    if (param(url, name) !== null)
      return armBadRequest(
        "UnsupportedQueryParameter",
        `The simulator does not serve '${name}' on invoice lists: list by period (periodStartDate, periodEndDate) and page with nextLink.`,
      );
  const count = param(url, "count");
  if (count !== null && count.toLowerCase() !== "false")
    return armBadRequest("UnsupportedQueryParameter", "The simulator does not serve 'count' on invoice lists.");
  const orderBy = param(url, "orderBy") ?? param(url, "orderby");
  if (orderBy !== null && !/^\s*invoiceDate(\s+desc)?\s*$/i.test(orderBy))
    return armBadRequest(
      "UnsupportedQueryParameter",
      "Invoice lists come in one order: 'invoiceDate desc' (newest first); no other orderBy is served.",
    );
  const rawTop = param(url, "top");
  if (rawTop === null) return { top: null };
  const top = /^\d{1,3}$/.test(rawTop) ? Number(rawTop) : NaN;
  if (!(top >= 1 && top <= INVOICE_PAGE_SIZE))
    return armBadRequest("InvalidQueryParameterValue", `top must be a whole number from 1 to ${INVOICE_PAGE_SIZE}.`);
  return { top };
}
