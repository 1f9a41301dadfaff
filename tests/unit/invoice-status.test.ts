import { describe, expect, it } from "vitest";

import {
  invoiceStatus,
  invoiceStatuses,
  isPayableStatus,
  pendingMinorOf,
  type InvoiceStatus,
  type InvoiceStatusInput,
} from "@/lib/invoice-status";

const dueDate = new Date("2026-11-20T00:00:00.000Z");
const invoice = (overrides: Partial<InvoiceStatusInput> = {}): InvoiceStatusInput => ({
  voided: false,
  totalMinor: 10_000,
  amountDueMinor: 10_000,
  pendingMinor: 0,
  dueDate,
  ...overrides,
});

describe("invoiceStatus", () => {
  const cases: { name: string; invoice: InvoiceStatusInput; now: string; expected: InvoiceStatus }[] = [
    // Nothing paid: due until the end of the due date, past due from the next day.
    {
      name: "unpaid, a month before the due date",
      invoice: invoice(),
      now: "2026-10-20T12:00:00.000Z",
      expected: "due",
    },
    {
      name: "unpaid, the day before the due date",
      invoice: invoice(),
      now: "2026-11-19T23:59:59.999Z",
      expected: "due",
    },
    {
      name: "unpaid, at the first instant of the due date",
      invoice: invoice(),
      now: "2026-11-20T00:00:00.000Z",
      expected: "due",
    },
    {
      name: "unpaid, at the last instant of the due date",
      invoice: invoice(),
      now: "2026-11-20T23:59:59.999Z",
      expected: "due",
    },
    {
      name: "unpaid, the day after the due date",
      invoice: invoice(),
      now: "2026-11-21T00:00:00.000Z",
      expected: "pastDue",
    },
    {
      name: "unpaid, a year after the due date",
      invoice: invoice(),
      now: "2027-11-21T09:00:00.000Z",
      expected: "pastDue",
    },
    {
      name: "due date with a time of day still counts as the whole day",
      invoice: invoice({ dueDate: new Date("2026-11-20T18:30:00.000Z") }),
      now: "2026-11-20T20:00:00.000Z",
      expected: "due",
    },
    // Partial payments: the remaining balance wins over due / past due.
    {
      name: "partially paid, before the due date",
      invoice: invoice({ amountDueMinor: 6_000 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "partiallyPaid",
    },
    {
      name: "partially paid, on the due date",
      invoice: invoice({ amountDueMinor: 6_000 }),
      now: "2026-11-20T09:00:00.000Z",
      expected: "partiallyPaid",
    },
    {
      name: "partially paid, after the due date",
      invoice: invoice({ amountDueMinor: 1 }),
      now: "2026-12-20T09:00:00.000Z",
      expected: "partiallyPaid",
    },
    // Paid in full (or overpaid): paid, whatever the date.
    {
      name: "paid in full before the due date",
      invoice: invoice({ amountDueMinor: 0 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "paid",
    },
    {
      name: "paid in full after the due date",
      invoice: invoice({ amountDueMinor: 0 }),
      now: "2027-01-01T00:00:00.000Z",
      expected: "paid",
    },
    { name: "overpaid", invoice: invoice({ amountDueMinor: -500 }), now: "2026-11-21T00:00:00.000Z", expected: "paid" },
    // Void wins over everything.
    {
      name: "void with a balance, past the due date",
      invoice: invoice({ voided: true }),
      now: "2026-12-01T00:00:00.000Z",
      expected: "void",
    },
    {
      name: "void with nothing due",
      invoice: invoice({ voided: true, amountDueMinor: 0 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "void",
    },
    // The balance covered by payments the processor has not answered yet.
    {
      name: "whole balance in one PENDING payment",
      invoice: invoice({ amountDueMinor: 0, pendingMinor: 10_000 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "processing",
    },
    {
      name: "the rest of a partly paid balance PENDING, after the due date",
      invoice: invoice({ amountDueMinor: 0, pendingMinor: 4_000 }),
      now: "2026-12-01T00:00:00.000Z",
      expected: "processing",
    },
    {
      name: "the same once the payment settled (nothing PENDING)",
      invoice: invoice({ amountDueMinor: 0, pendingMinor: 0 }),
      now: "2026-12-01T00:00:00.000Z",
      expected: "paid",
    },
    {
      name: "part of the balance PENDING, the rest still to pay",
      invoice: invoice({ amountDueMinor: 6_000, pendingMinor: 4_000 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "partiallyPaid",
    },
    {
      name: "a PENDING payment on a voided invoice",
      invoice: invoice({ voided: true, amountDueMinor: 0, pendingMinor: 10_000 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "void",
    },
    {
      name: "void after a partial payment",
      invoice: invoice({ voided: true, amountDueMinor: 4_000 }),
      now: "2026-11-01T00:00:00.000Z",
      expected: "void",
    },
  ];

  it.each(cases)("$name → $expected", ({ invoice: input, now, expected }) => {
    expect(invoiceStatus(input, new Date(now))).toBe(expected);
  });
});

describe("isPayableStatus", () => {
  it.each([
    ["due", true],
    ["pastDue", true],
    ["partiallyPaid", true],
    ["processing", false],
    ["paid", false],
    ["void", false],
  ] as const)("%s → %s", (status, payable) => {
    expect(isPayableStatus(status)).toBe(payable);
  });

  it("covers every status", () => {
    expect(invoiceStatuses.filter(isPayableStatus)).toEqual(["due", "pastDue", "partiallyPaid"]);
  });
});

describe("pendingMinorOf", () => {
  it("sums the PENDING payments only", () => {
    expect(
      pendingMinorOf([
        { status: "SUCCEEDED", amountMinor: 1_000 },
        { status: "PENDING", amountMinor: 2_500 },
        { status: "FAILED", amountMinor: 9_999 },
        { status: "PENDING", amountMinor: 500 },
      ]),
    ).toBe(3_000);
    expect(pendingMinorOf([])).toBe(0);
  });
});
