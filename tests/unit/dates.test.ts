import { afterEach, describe, expect, it, vi } from "vitest";

import {
  addDays,
  addMonths,
  formatDate,
  INVOICE_DAY_OF_MONTH,
  monthlyInvoiceDates,
  PAYMENT_TERMS_DAYS,
  startOfUtcDay,
} from "@/lib/dates";

const d = (iso: string) => new Date(iso);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("addDays / startOfUtcDay", () => {
  it("adds whole days in UTC", () => {
    expect(day(addDays(d("2026-02-27T00:00:00Z"), 2))).toBe("2026-03-01");
    expect(day(addDays(d("2024-02-27T00:00:00Z"), 2))).toBe("2024-02-29");
    expect(day(addDays(d("2026-01-01T00:00:00Z"), -1))).toBe("2025-12-31");
    expect(addDays(d("2026-03-28T12:34:56.789Z"), 2).toISOString()).toBe("2026-03-30T12:34:56.789Z"); // across Europe's DST change
  });

  it("truncates to midnight UTC", () => {
    expect(startOfUtcDay(d("2026-11-20T23:59:59.999Z")).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(startOfUtcDay(d("2026-11-20T00:30:00+02:00")).toISOString()).toBe("2026-11-19T00:00:00.000Z");
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-01-15", 1, "2026-02-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-05-31", 1, "2026-06-30"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-11-05", -24, "2024-11-05"],
  ])("%s %+i months → %s", (from, months, to) => {
    expect(day(addMonths(d(`${from}T00:00:00Z`), months))).toBe(to);
  });
});

describe("monthlyInvoiceDates", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("issues on the 5th, covers the previous month and is due 30 days later", () => {
    const [latest] = monthlyInvoiceDates(d("2026-11-20T09:00:00Z"), 1);
    expect(latest.monthsAgo).toBe(0);
    expect(latest.invoiceDate.toISOString()).toBe("2026-11-05T00:00:00.000Z");
    expect(latest.dueDate.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(latest.periodStart.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(latest.periodEnd.toISOString()).toBe("2026-10-31T00:00:00.000Z");
    expect(INVOICE_DAY_OF_MONTH).toBe(5);
    expect(PAYMENT_TERMS_DAYS).toBe(30);
  });

  it.each([
    ["2026-11-04T23:59:59.999Z", "2026-10-05"], // the day before issue: last month's invoice is the newest
    ["2026-11-05T00:00:00.000Z", "2026-11-05"], // issued at midnight UTC on the 5th
    ["2026-11-05T23:00:00.000Z", "2026-11-05"],
    ["2026-11-06T00:00:00.000Z", "2026-11-05"],
    ["2026-11-30T23:59:59.999Z", "2026-11-05"],
    ["2026-01-01T00:00:00.000Z", "2025-12-05"], // across the year boundary
    ["2026-01-04T12:00:00.000Z", "2025-12-05"],
    ["2026-01-05T00:00:00.000Z", "2026-01-05"],
  ])("at %s the newest invoice is dated %s", (now, expected) => {
    expect(day(monthlyInvoiceDates(d(now), 1)[0].invoiceDate)).toBe(expected);
  });

  it("goes back one month per invoice with the right month lengths", () => {
    const dates = monthlyInvoiceDates(d("2026-04-10T00:00:00Z"), 27);
    expect(dates.map((x) => x.monthsAgo)).toEqual(Array.from({ length: 27 }, (_, i) => i));
    for (const [i, x] of dates.entries()) {
      expect(x.invoiceDate.getUTCDate()).toBe(5);
      expect(x.invoiceDate.getTime()).toBe(startOfUtcDay(x.invoiceDate).getTime());
      expect(x.dueDate.getTime() - x.invoiceDate.getTime()).toBe(30 * 86_400_000);
      expect(x.periodStart.getUTCDate()).toBe(1);
      expect(addDays(x.periodEnd, 1).getTime()).toBe(addMonths(x.periodStart, 1).getTime()); // ends on the month's last day
      expect(day(addDays(x.periodEnd, 1))).toBe(`${day(x.invoiceDate).slice(0, 8)}01`); // ... just before the invoice month
      if (i > 0) expect(day(addMonths(x.invoiceDate, 1))).toBe(day(dates[i - 1].invoiceDate));
    }
    const byInvoice = Object.fromEntries(dates.map((x) => [day(x.invoiceDate), x]));
    expect(day(byInvoice["2026-03-05"].periodEnd)).toBe("2026-02-28");
    expect(day(byInvoice["2024-03-05"].periodEnd)).toBe("2024-02-29"); // leap year
    expect(day(byInvoice["2026-02-05"].periodEnd)).toBe("2026-01-31");
    expect(day(byInvoice["2025-05-05"].periodEnd)).toBe("2025-04-30");
    expect(day(byInvoice["2026-01-05"].periodStart)).toBe("2025-12-01");
    expect(day(byInvoice["2026-02-05"].dueDate)).toBe("2026-03-07"); // February has 28 days
    expect(day(byInvoice["2024-02-05"].dueDate)).toBe("2024-03-06"); // ... or 29
    expect(day(byInvoice["2025-12-05"].dueDate)).toBe("2026-01-04");
    expect(day(dates[26].invoiceDate)).toBe("2024-02-05");
  });

  it("returns nothing for count 0", () => {
    expect(monthlyInvoiceDates(d("2026-11-20T00:00:00Z"), 0)).toEqual([]);
  });

  it("does not depend on the server's time zone", () => {
    const now = d("2026-11-04T23:30:00Z"); // already the 5th in Kiribati, still the 4th in Hawaii
    const utc = monthlyInvoiceDates(now, 3);
    for (const tz of ["Pacific/Kiritimati", "Pacific/Honolulu", "Europe/Paris"]) {
      vi.stubEnv("TZ", tz);
      expect(monthlyInvoiceDates(now, 3)).toEqual(utc);
    }
    expect(day(utc[0].invoiceDate)).toBe("2026-10-05");
  });
});

describe("formatDate", () => {
  const date = new Date("2026-10-05T23:30:00.000Z");
  it("writes a billing date in the locale's medium style, in UTC whatever the server's zone", () => {
    expect(formatDate(date, "en-US")).toBe("Oct 5, 2026");
    expect(formatDate(date, "fr-FR")).toBe("5 oct. 2026");
  });
  it("adds the time when asked", () => {
    expect(formatDate(date, "en-US", { dateStyle: "long", timeStyle: "short" })).toBe("October 5, 2026 at 11:30 PM");
    expect(formatDate(date, "fr-FR", { dateStyle: "medium", timeStyle: "short" })).toBe("5 oct. 2026, 23:30");
  });
  it("keeps one formatter per locale and style, so repeated calls agree", () => {
    expect(formatDate(new Date("2026-01-31T00:00:00.000Z"), "en-US")).toBe("Jan 31, 2026");
    expect(formatDate(date, "en-US")).toBe("Oct 5, 2026");
  });
  it("remembers a day's text per locale and style: the same day in another language or style is its own", () => {
    for (let pass = 0; pass < 2; pass++) {
      expect(formatDate(date, "en-US")).toBe("Oct 5, 2026");
      expect(formatDate(date, "fr-FR")).toBe("5 oct. 2026");
      expect(formatDate(date, "en-US", { dateStyle: "long" })).toBe("October 5, 2026");
      expect(formatDate(new Date(date.getTime() + 86_400_000), "en-US")).toBe("Oct 6, 2026");
    }
  });
});
