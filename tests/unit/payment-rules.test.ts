// The card-payment rules of docs/product.md: the per-currency card limit (USD 50,000
// for an MCA invoice), and the amount of one (partial) payment. Expected values
// are written from the rules, in minor units, not computed by the code under test.
import { describe, expect, it } from "vitest";

import {
  cardLimitFor,
  cardLimitMinor,
  exceedsCardLimit,
  minimumPartialFor,
  minimumPartialMinor,
  paymentAmountProblem,
} from "@/lib/payment-rules";

describe("card limit per currency", () => {
  it("is USD 50,000.00, i.e. 5,000,000 cents", () => {
    expect(cardLimitFor("USD")).toBe(5_000_000);
    expect(cardLimitMinor.USD).toBe(5_000_000);
  });

  it.each([
    ["EUR", 4_500_000],
    ["GBP", 4_000_000],
    ["CAD", 6_500_000],
    ["AUD", 7_500_000],
    // JPY has no minor unit: 7,000,000 yen.
    ["JPY", 7_000_000],
  ])("is set for %s (%i minor units)", (currency, expected) => {
    expect(cardLimitFor(currency)).toBe(expected);
  });

  it("falls back to the USD figure for a currency without its own limit", () => {
    expect(cardLimitFor("CHF")).toBe(5_000_000);
  });

  it("is a positive whole number of minor units for every currency", () => {
    for (const [currency, limit] of Object.entries(cardLimitMinor)) {
      expect(Number.isSafeInteger(limit), currency).toBe(true);
      expect(limit, currency).toBeGreaterThan(0);
    }
  });
});

describe("exceedsCardLimit", () => {
  it("allows a card payment of exactly the limit", () => {
    expect(exceedsCardLimit(5_000_000, "USD")).toBe(false);
  });

  it("sends one cent above the limit to wire transfer", () => {
    expect(exceedsCardLimit(5_000_001, "USD")).toBe(true);
  });

  it("allows anything below the limit", () => {
    expect(exceedsCardLimit(4_999_999, "USD")).toBe(false);
    expect(exceedsCardLimit(1, "USD")).toBe(false);
  });

  it("puts the demo's $72,450.00 invoice above the limit", () => {
    expect(exceedsCardLimit(7_245_000, "USD")).toBe(true);
  });

  it("uses the invoice's own currency", () => {
    // EUR 45,000.00 is the EUR limit: EUR 46,000.00 is above it though below USD 50,000.
    expect(exceedsCardLimit(4_600_000, "EUR")).toBe(true);
    expect(exceedsCardLimit(4_500_000, "EUR")).toBe(false);
    expect(exceedsCardLimit(7_000_000, "JPY")).toBe(false);
    expect(exceedsCardLimit(7_000_001, "JPY")).toBe(true);
  });
});

describe("minimum partial payment", () => {
  it.each([
    ["USD", 500],
    ["EUR", 500],
    ["GBP", 500],
    ["CAD", 500],
    ["AUD", 500],
    ["JPY", 500],
  ])("is five units of %s (%i minor units)", (currency, expected) => {
    expect(minimumPartialFor(currency)).toBe(expected);
    expect(minimumPartialMinor[currency]).toBe(expected);
  });

  it("is five units for other currencies too, by their number of decimals", () => {
    expect(minimumPartialFor("CHF")).toBe(500); // 2 decimals
    expect(minimumPartialFor("KRW")).toBe(5); // no decimals
    expect(minimumPartialFor("KWD")).toBe(5_000); // 3 decimals
  });
});

describe("paymentAmountProblem", () => {
  const due = 1_234_56; // $1,234.56

  it("accepts the whole amount due", () => {
    expect(paymentAmountProblem(due, due, "USD")).toBeNull();
  });

  it("accepts a part between the minimum and the amount due", () => {
    expect(paymentAmountProblem(500, due, "USD")).toBeNull();
    expect(paymentAmountProblem(100_000, due, "USD")).toBeNull();
    expect(paymentAmountProblem(due - 1, due, "USD")).toBeNull();
  });

  it.each([
    ["zero", 0],
    ["a negative amount", -500],
    ["minus one cent", -1],
    ["a fraction of a minor unit", 500.5],
    ["a tiny fraction", 0.01],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["an unsafe integer", Number.MAX_SAFE_INTEGER + 1],
  ])("refuses %s as not positive", (_label, amount) => {
    expect(paymentAmountProblem(amount, due, "USD")).toBe("notPositive");
  });

  it("refuses more than the amount due", () => {
    expect(paymentAmountProblem(due + 1, due, "USD")).toBe("aboveAmountDue");
    expect(paymentAmountProblem(due * 2, due, "USD")).toBe("aboveAmountDue");
  });

  it("refuses a part below the minimum", () => {
    expect(paymentAmountProblem(499, due, "USD")).toBe("belowMinimum");
    expect(paymentAmountProblem(1, due, "USD")).toBe("belowMinimum");
    expect(paymentAmountProblem(499, 100_000, "JPY")).toBe("belowMinimum");
  });

  it("accepts exactly the minimum", () => {
    expect(paymentAmountProblem(500, due, "USD")).toBeNull();
  });

  it("accepts a remaining balance below the minimum when it is paid whole", () => {
    expect(paymentAmountProblem(300, 300, "USD")).toBeNull();
    expect(paymentAmountProblem(1, 1, "USD")).toBeNull();
  });

  it("refuses less than a remaining balance that is itself below the minimum", () => {
    expect(paymentAmountProblem(200, 300, "USD")).toBe("belowMinimum");
  });

  it("refuses any payment of an invoice with nothing due", () => {
    expect(paymentAmountProblem(500, 0, "USD")).toBe("aboveAmountDue");
    expect(paymentAmountProblem(0, 0, "USD")).toBe("notPositive");
  });
});
