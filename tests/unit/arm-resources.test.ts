import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { armAmount, armInvoiceStatus, invoiceResource, type ArmInvoiceInput } from "@/features/arm/resources";
import { toMajorString } from "@/lib/money";

const NOW = new Date("2026-11-20T09:00:00Z");

function invoice(overrides: Partial<ArmInvoiceInput> = {}): ArmInvoiceInput {
  return {
    id: "G011000042",
    billingAccountId: "acc:1_2019-05-31",
    billingProfileId: "P-1",
    documentType: "INVOICE",
    invoiceDate: new Date("2026-11-05T00:00:00Z"),
    dueDate: new Date("2026-12-05T00:00:00Z"),
    periodStart: new Date("2026-10-01T00:00:00Z"),
    periodEnd: new Date("2026-10-31T00:00:00Z"),
    currency: "USD",
    subtotalMinor: 100_000,
    taxMinor: 6_500,
    totalMinor: 106_500,
    amountDueMinor: 106_500,
    voided: false,
    payments: [],
    ...overrides,
  };
}

describe("armAmount", () => {
  it("writes the stored minor units as the exact decimal, for every amount below 10^13 minor units", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.constantFrom("USD", "EUR", "JPY"),
        (minor, currency) => {
          const json = JSON.stringify(armAmount(minor, currency).value);
          // The same decimal as the string form, trailing zeros aside ("1234.50" → "1234.5", "0.00" → "0").
          const text = toMajorString(minor, currency);
          const expected = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
          expect(json).toBe(expected === "-0" ? "0" : expected);
        },
      ),
    );
  });

  it("keeps the currency", () => {
    expect(armAmount(7_245_000, "USD")).toEqual({ currency: "USD", value: 72450 });
    expect(armAmount(123_456, "EUR")).toEqual({ currency: "EUR", value: 1234.56 });
    expect(armAmount(5_000, "JPY")).toEqual({ currency: "JPY", value: 5000 });
  });
});

describe("armInvoiceStatus", () => {
  it("maps the blade's statuses to ARM's four", () => {
    expect(armInvoiceStatus(invoice(), NOW)).toBe("Due");
    expect(armInvoiceStatus(invoice({ dueDate: new Date("2026-11-19T00:00:00Z") }), NOW)).toBe("OverDue");
    expect(armInvoiceStatus(invoice({ amountDueMinor: 0 }), NOW)).toBe("Paid");
    expect(armInvoiceStatus(invoice({ voided: true }), NOW)).toBe("Void");
  });

  it("reads a partially paid invoice as Due, or OverDue once its due date has passed", () => {
    expect(armInvoiceStatus(invoice({ amountDueMinor: 50_000 }), NOW)).toBe("Due");
    const late = invoice({ amountDueMinor: 50_000, dueDate: new Date("2026-11-19T00:00:00Z") });
    expect(armInvoiceStatus(late, NOW)).toBe("OverDue");
    // The due day itself is still Due, as on the blade.
    const today = invoice({ amountDueMinor: 50_000, dueDate: new Date("2026-11-20T00:00:00Z") });
    expect(armInvoiceStatus(today, NOW)).toBe("Due");
  });

  it("reads Payment processing (the balance covered by a PENDING payment) as Due or OverDue until it settles", () => {
    const pending = {
      amountMinor: 106_500,
      currency: "USD",
      kind: "CARD",
      status: "PENDING",
      cardBrand: "visa",
      createdAt: NOW,
      settledAt: null,
    };
    expect(armInvoiceStatus(invoice({ amountDueMinor: 0, payments: [pending] }), NOW)).toBe("Due");
    const late = invoice({ amountDueMinor: 0, payments: [pending], dueDate: new Date("2026-11-19T00:00:00Z") });
    expect(armInvoiceStatus(late, NOW)).toBe("OverDue");
    const settled = { ...pending, status: "SUCCEEDED", settledAt: NOW };
    expect(armInvoiceStatus(invoice({ amountDueMinor: 0, payments: [settled] }), NOW)).toBe("Paid");
  });
});

describe("invoiceResource", () => {
  it("has the 2020-05-01 shape: id, name, type and the figures under properties", () => {
    const resource = invoiceResource(
      invoice({
        amountDueMinor: 6_500,
        payments: [
          {
            amountMinor: 90_000,
            currency: "USD",
            kind: "CARD",
            status: "SUCCEEDED",
            cardBrand: "visa",
            createdAt: new Date("2026-11-10T10:00:00Z"),
            settledAt: new Date("2026-11-10T10:00:01Z"),
          },
          {
            amountMinor: 10_000,
            currency: "USD",
            kind: "CARD",
            status: "PENDING",
            cardBrand: "mastercard",
            createdAt: new Date("2026-11-11T10:00:00Z"),
            settledAt: null,
          },
          {
            amountMinor: 5_000,
            currency: "USD",
            kind: "CARD",
            status: "FAILED",
            cardBrand: "visa",
            createdAt: new Date("2026-11-12T10:00:00Z"),
            settledAt: new Date("2026-11-12T10:00:00Z"),
          },
        ],
      }),
      "Contoso Engineering",
      "http://127.0.0.1:3000",
      NOW,
    );
    expect(resource).toMatchObject({
      id: "/providers/Microsoft.Billing/billingAccounts/acc:1_2019-05-31/invoices/G011000042",
      name: "G011000042",
      type: "Microsoft.Billing/billingAccounts/invoices",
      properties: {
        status: "Due",
        amountDue: { currency: "USD", value: 65 },
        totalAmount: { currency: "USD", value: 1065 },
        subTotal: { currency: "USD", value: 1000 },
        taxAmount: { currency: "USD", value: 65 },
        billingProfileId: "/providers/Microsoft.Billing/billingAccounts/acc:1_2019-05-31/billingProfiles/P-1",
        billingProfileDisplayName: "Contoso Engineering",
        invoiceDate: "2026-11-05T00:00:00.000Z",
        invoicePeriodStartDate: "2026-10-01T00:00:00.000Z",
        documents: [
          {
            kind: "Invoice",
            source: "DRS",
            url: "http://127.0.0.1:3000/api/billing/acc%3A1_2019-05-31/invoices/G011000042/pdf",
          },
        ],
      },
    });
    // Money received or reserved is listed; a failed attempt moved nothing and is not.
    expect(resource.properties.payments).toEqual([
      {
        paymentType: "credited",
        amount: { currency: "USD", value: 900 },
        date: "2026-11-10T10:00:01.000Z",
        paymentMethodFamily: "CreditCard",
        paymentMethodType: "visa",
      },
      {
        paymentType: "pending",
        amount: { currency: "USD", value: 100 },
        date: "2026-11-11T10:00:00.000Z",
        paymentMethodFamily: "CreditCard",
        paymentMethodType: "mastercard",
      },
    ]);
  });
});
