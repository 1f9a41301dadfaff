import { z } from "zod";

import { addMonths, startOfUtcDay } from "@/lib/dates";
import { invoiceStatuses } from "@/lib/invoice-status";

export const timespans = ["3m", "6m", "12m", "24m", "custom"] as const;
export const sortColumns = ["invoiceDate", "dueDate", "amount"] as const;
export const PAGE_SIZE = 20;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/**
 * The grid's view, read from the URL so every view is a link. Anything
 * malformed falls back to its default instead of failing the page.
 */
export const invoiceFiltersSchema = z.object({
  timespan: z.enum(timespans).catch("12m"),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  status: z.enum(["all", ...invoiceStatuses]).catch("all"),
  q: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  profile: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  sort: z.enum(sortColumns).catch("invoiceDate"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type InvoiceFilters = z.infer<typeof invoiceFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseInvoiceFilters(params: SearchParams): InvoiceFilters {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return invoiceFiltersSchema.parse(
    Object.fromEntries(Object.keys(invoiceFiltersSchema.shape).map((key) => [key, first(key)])),
  );
}

const defaults = invoiceFiltersSchema.parse({});

/** The query string for a view: only what differs from the defaults, plus extra keys (blades). */
export function invoicesQuery(
  filters: Partial<InvoiceFilters>,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === defaults[key as keyof InvoiceFilters]) continue;
    if (filters.timespan !== "custom" && (key === "from" || key === "to")) continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The invoice-date range a timespan covers, relative to the clock. */
export function timespanRange(
  filters: Pick<InvoiceFilters, "timespan" | "from" | "to">,
  now: Date,
): { gte?: Date; lt?: Date } {
  if (filters.timespan === "custom") {
    return {
      gte: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      lt: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) : undefined,
    };
  }
  const months = Number(filters.timespan.slice(0, -1));
  return { gte: startOfUtcDay(addMonths(now, -months)) };
}

/**
 * What the blade says about a custom date range instead of passing over it in silence: a start after
 * the end matches nothing ("order", an error), and a range with no date, or with one, is open at that
 * end (the whole account's invoices, a note). The ARM API and the tests use a custom range with no
 * dates for "every invoice": this is the blade's word to a person, not a refusal of the view.
 */
export type RangeProblem = "order" | "noDates" | "oneDate";

export function rangeProblem(filters: Pick<InvoiceFilters, "timespan" | "from" | "to">): RangeProblem | null {
  if (filters.timespan !== "custom") return null;
  if (!filters.from && !filters.to) return "noDates";
  if (!filters.from || !filters.to) return "oneDate";
  return filters.from > filters.to ? "order" : null;
}
