import { describe, expect, it } from "vitest";

import {
  invoicesQuery,
  PAGE_SIZE,
  parseInvoiceFilters,
  timespanRange,
  type InvoiceFilters,
} from "@/features/invoices/filters";

const defaults: InvoiceFilters = {
  timespan: "12m",
  from: undefined,
  to: undefined,
  status: "all",
  q: undefined,
  profile: undefined,
  sort: "invoiceDate",
  dir: "desc",
  page: 1,
};

describe("parseInvoiceFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseInvoiceFilters({})).toEqual(defaults);
  });

  it("reads a full, valid view", () => {
    expect(
      parseInvoiceFilters({
        timespan: "custom",
        from: "2026-01-01",
        to: "2026-03-31",
        status: "pastDue",
        q: " g0115 ",
        profile: "AB12-CD34",
        sort: "amount",
        dir: "asc",
        page: "3",
      }),
    ).toEqual({
      timespan: "custom",
      from: "2026-01-01",
      to: "2026-03-31",
      status: "pastDue",
      q: "g0115",
      profile: "AB12-CD34",
      sort: "amount",
      dir: "asc",
      page: 3,
    });
  });

  it("falls back to each default on garbage instead of failing", () => {
    expect(
      parseInvoiceFilters({
        timespan: "forever",
        from: "yesterday",
        to: "2026-02-31x",
        status: "overdue",
        q: "x".repeat(41),
        profile: "p".repeat(65),
        sort: "customer",
        dir: "sideways",
        page: "-2",
      }),
    ).toEqual(defaults);
  });

  it.each(["0", "abc", "1.5", "1e9", "", "NaN"])("page %j falls back to 1", (page) => {
    expect(parseInvoiceFilters({ page }).page).toBe(1);
  });

  it("rejects impossible calendar days", () => {
    expect(parseInvoiceFilters({ timespan: "custom", from: "2026-13-01", to: "2026-00-10" })).toMatchObject({
      timespan: "custom",
      from: undefined,
      to: undefined,
    });
  });

  it("takes the first value of a repeated parameter", () => {
    expect(parseInvoiceFilters({ status: ["paid", "void"], page: ["2", "9"] })).toMatchObject({
      status: "paid",
      page: 2,
    });
  });

  it("treats a blank search as no search", () => {
    expect(parseInvoiceFilters({ q: "   ", profile: "" })).toMatchObject({ q: undefined, profile: undefined });
  });

  it("ignores unknown parameters", () => {
    expect(parseInvoiceFilters({ invoice: "G0123", blade: "pay", evil: "<script>" })).toEqual(defaults);
  });
});

describe("invoicesQuery", () => {
  it("is empty for the default view", () => {
    expect(invoicesQuery(defaults)).toBe("");
    expect(invoicesQuery({})).toBe("");
  });

  it("keeps only what differs from the defaults", () => {
    expect(invoicesQuery({ ...defaults, status: "paid", sort: "amount", dir: "asc", page: 2 })).toBe(
      "?status=paid&sort=amount&dir=asc&page=2",
    );
  });

  it("drops from/to unless the timespan is custom", () => {
    expect(invoicesQuery({ ...defaults, timespan: "6m", from: "2026-01-01", to: "2026-02-01" })).toBe("?timespan=6m");
    expect(invoicesQuery({ ...defaults, timespan: "custom", from: "2026-01-01", to: "2026-02-01" })).toBe(
      "?timespan=custom&from=2026-01-01&to=2026-02-01",
    );
  });

  it("adds extra keys (blades) and skips undefined ones", () => {
    expect(
      invoicesQuery({ ...defaults, status: "due" }, { invoice: "G011", blade: "details", payment: undefined }),
    ).toBe("?status=due&invoice=G011&blade=details");
    expect(invoicesQuery(defaults, { invoice: "G011" })).toBe("?invoice=G011");
  });

  it("encodes values", () => {
    expect(invoicesQuery({ q: "a b&c" })).toBe("?q=a+b%26c");
  });

  it("round-trips through parseInvoiceFilters", () => {
    const view: InvoiceFilters = {
      timespan: "custom",
      from: "2025-12-01",
      to: "2026-05-31",
      status: "partiallyPaid",
      q: "G0115",
      profile: "AB-12",
      sort: "dueDate",
      dir: "asc",
      page: 4,
    };
    const params = Object.fromEntries(new URLSearchParams(invoicesQuery(view)));
    expect(parseInvoiceFilters(params)).toEqual(view);
  });
});

describe("timespanRange", () => {
  const now = new Date("2026-11-20T09:00:00.000Z");

  it.each([
    ["3m", "2026-08-20T00:00:00.000Z"],
    ["6m", "2026-05-20T00:00:00.000Z"],
    ["12m", "2025-11-20T00:00:00.000Z"],
    ["24m", "2024-11-20T00:00:00.000Z"],
  ] as const)("%s starts that many months before today, at midnight UTC, with no end", (timespan, gte) => {
    expect(timespanRange({ timespan }, now)).toEqual({ gte: new Date(gte) });
  });

  it("covers custom ranges inclusively: from midnight of the start to the end of the last day", () => {
    expect(timespanRange({ timespan: "custom", from: "2026-01-01", to: "2026-03-31" }, now)).toEqual({
      gte: new Date("2026-01-01T00:00:00.000Z"),
      lt: new Date("2026-04-01T00:00:00.000Z"),
    });
  });

  it("leaves an open side open in a custom range", () => {
    expect(timespanRange({ timespan: "custom", from: "2026-01-01" }, now)).toEqual({
      gte: new Date("2026-01-01T00:00:00.000Z"),
      lt: undefined,
    });
    expect(timespanRange({ timespan: "custom" }, now)).toEqual({ gte: undefined, lt: undefined });
  });

  it("handles a month-end start date", () => {
    // 31 May minus 3 months: Date.UTC rolls 31 February over into early March.
    const range = timespanRange({ timespan: "3m" }, new Date("2026-05-31T10:00:00.000Z"));
    expect(range.gte?.getTime()).toBeLessThanOrEqual(Date.parse("2026-03-03T00:00:00.000Z"));
    expect(range.gte?.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-02-28T00:00:00.000Z"));
  });
});

it("pages hold 20 invoices", () => {
  expect(PAGE_SIZE).toBe(20);
});
