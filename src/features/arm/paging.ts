import { z } from "zod";

import { invoiceNumberSchema } from "@/lib/ids";

/**
 * ARM paging: a page of invoices ends with `nextLink`, an absolute URL that
 * repeats the query and adds `$skiptoken`. The token is where the page ended —
 * the last invoice's date and ID, in the list's order (date, then ID,
 * descending) — so the next page is a keyset read: no invoice is repeated or
 * skipped, whatever the depth, and an invoice paid meanwhile does not shift
 * the pages.
 */
export const INVOICE_PAGE_SIZE = 100;
export const SKIP_TOKEN_PARAM = "$skiptoken";

export type SkipPosition = { invoiceDate: Date; id: string };

const positionSchema = z.object({
  d: z.iso.datetime(),
  i: invoiceNumberSchema,
});

export function encodeSkipToken(position: SkipPosition): string {
  return Buffer.from(JSON.stringify({ d: position.invoiceDate.toISOString(), i: position.id })).toString("base64url");
}

/** The position a token names, or null when it is not one of ours (the caller answers 400). */
export function decodeSkipToken(token: string): SkipPosition | null {
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success ? { invoiceDate: new Date(parsed.data.d), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

/** The URL of the next page: the request's own URL with its skip token replaced. */
export function nextLinkFor(requestUrl: URL, position: SkipPosition): string {
  const params = new URLSearchParams(requestUrl.search);
  params.delete(SKIP_TOKEN_PARAM);
  const rest = params.toString().replaceAll("%24", "$");
  return `${requestUrl.origin}${requestUrl.pathname}?${rest ? `${rest}&` : ""}${SKIP_TOKEN_PARAM}=${encodeSkipToken(position)}`;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const usDay = /^(\d{2})-(\d{2})-(\d{4})$/;

/**
 * A period date as the Billing API takes it: YYYY-MM-DD (the specification's
 * examples) or MM-DD-YYYY (the SDK's documentation). Null when it is neither
 * or not a real day.
 */
export function parsePeriodDate(text: string | null): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  let year: string, month: string, day: string;
  const iso = isoDay.exec(trimmed);
  const us = usDay.exec(trimmed);
  if (iso) [, year, month, day] = iso;
  else if (us) [, month, day, year] = us;
  else return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  return `${year}-${month}-${day}`;
}
