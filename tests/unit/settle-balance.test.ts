// Settle balance (MOSP): which invoices it pays, their order and total, the per-invoice keys of one
// attempt, and which accounts have Pay now instead (Microsoft's list of countries).
import { describe, expect, it } from "vitest";

import { hasPayNow, payDenial, settlesBalance, type BillingAccess } from "@/features/access/policy";
import {
  isPastDueBalance,
  pastDueBalance,
  settlePaymentKey,
  type SettleCandidate,
} from "@/features/settle-balance/past-due";
import { mospHasPayNow, mospPayNowCountries } from "@/lib/mosp-pay-now";

const NOW = new Date("2026-11-20T09:00:00.000Z");
const invoice = (id: string, overrides: Partial<SettleCandidate> = {}): SettleCandidate => ({
  id,
  currency: "EUR",
  voided: false,
  totalMinor: 50_000,
  amountDueMinor: 50_000,
  pendingMinor: 0,
  dueDate: new Date("2026-10-25T00:00:00.000Z"),
  ...overrides,
});

describe("pastDueBalance", () => {
  it("takes what is owed after the due date, partially paid included, oldest first, and totals it", () => {
    const balance = pastDueBalance(
      [
        invoice("G3", { dueDate: new Date("2026-11-05T00:00:00.000Z") }),
        invoice("G1", { amountDueMinor: 12_345 }),
        invoice("DUE", { dueDate: new Date("2026-11-25T00:00:00.000Z") }),
        invoice("TODAY", { dueDate: new Date("2026-11-20T00:00:00.000Z") }),
        invoice("PAID", { amountDueMinor: 0 }),
        invoice("VOID", { voided: true }),
        invoice("PENDING", { amountDueMinor: 100, pendingMinor: 49_900 }),
      ],
      NOW,
    );
    expect(balance.invoices.map((chosen) => chosen.id)).toEqual(["G1", "G3"]);
    expect(balance.totals).toEqual([{ currency: "EUR", amountMinor: 62_345 }]);
  });

  it("is past due from the day after the due date (a due date is a whole day)", () => {
    const dueDate = new Date("2026-11-19T23:59:59.000Z");
    expect(isPastDueBalance(invoice("A", { dueDate }), new Date("2026-11-19T23:59:59.999Z"))).toBe(false);
    expect(isPastDueBalance(invoice("A", { dueDate }), new Date("2026-11-20T00:00:00.000Z"))).toBe(true);
  });

  it("never adds two currencies together, and is empty when nothing is past due", () => {
    expect(pastDueBalance([invoice("E"), invoice("U", { currency: "USD", amountDueMinor: 7 })], NOW).totals).toEqual([
      { currency: "EUR", amountMinor: 50_000 },
      { currency: "USD", amountMinor: 7 },
    ]);
    expect(pastDueBalance([invoice("P", { amountDueMinor: 0 })], NOW)).toEqual({ invoices: [], totals: [] });
  });
});

describe("settlePaymentKey", () => {
  it("is one key per invoice of an attempt, the same every time, and different across attempts", () => {
    expect(settlePaymentKey("a1", "G1")).toBe(settlePaymentKey("a1", "G1"));
    expect(settlePaymentKey("a1", "G1")).not.toBe(settlePaymentKey("a1", "G2"));
    expect(settlePaymentKey("a1", "G1")).not.toBe(settlePaymentKey("a2", "G1"));
  });
});

describe("Pay now or Settle balance for a pay-as-you-go account", () => {
  const mosp = (country: string | null): BillingAccess => ({
    role: "BILLING_ACCOUNT_ADMIN",
    agreementType: "MOSP",
    country,
  });
  const due = { status: "pastDue" as const, amountDueMinor: 10_000, currency: "EUR" };

  it("follows Microsoft's list of 32 countries", () => {
    expect(mospPayNowCountries.size).toBe(32);
    expect(mospHasPayNow("FR")).toBe(true);
    expect(mospHasPayNow("LU")).toBe(false);
    expect(mospHasPayNow(null)).toBe(false);
  });

  it("outside the list: Settle balance, and Pay now is refused", () => {
    expect(settlesBalance(mosp("LU"))).toBe(true);
    expect(hasPayNow(mosp("LU"))).toBe(false);
    expect(payDenial(mosp("LU"), due)).toBe("agreement");
    expect(payDenial(mosp("LU"), due, "settleBalance")).toBeNull();
    expect(payDenial({ ...mosp("LU"), role: "BILLING_ACCOUNT_READER" }, due, "settleBalance")).toBe("notAdmin");
  });

  it("in the list: Pay now, and no Settle balance", () => {
    expect(hasPayNow(mosp("FR"))).toBe(true);
    expect(payDenial(mosp("FR"), due)).toBeNull();
    expect(payDenial(mosp("FR"), due, "settleBalance")).toBe("agreement");
  });

  it("MCA keeps Pay now and never settles a balance; EA has neither", () => {
    const mca: BillingAccess = { role: "BILLING_ACCOUNT_ADMIN", agreementType: "MCA" };
    expect(payDenial(mca, due)).toBeNull();
    expect(payDenial(mca, due, "settleBalance")).toBe("agreement");
    expect(payDenial({ ...mca, agreementType: "EA" }, due)).toBe("agreement");
  });
});
