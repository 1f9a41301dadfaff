import { describe, expect, it } from "vitest";

import { helpContextFor, helpDocuments, helpDocumentsFor } from "@/features/portal/help";

describe("helpContextFor", () => {
  it("keys the pane to the blade in view", () => {
    expect(helpContextFor("/billing/acc-1/invoices")).toBe("invoices");
    expect(helpContextFor("/billing/acc-1/payment-methods")).toBe("paymentMethods");
    expect(helpContextFor("/billing/acc-1/billing-profiles/bp-1/payment-methods")).toBe("paymentMethods");
    expect(helpContextFor("/billing/acc-1/properties")).toBe("properties");
    expect(helpContextFor("/billing/acc-1")).toBe("billing");
    expect(helpContextFor("/billing")).toBe("billing");
    expect(helpContextFor("/")).toBe("portal");
    expect(helpContextFor("/dashboard")).toBe("portal");
  });

  it("does not take a path that merely contains 'billing' or 'invoices' for the billing service", () => {
    expect(helpContextFor("/dashboard/invoices")).toBe("portal");
    expect(helpContextFor("/billingx/acc-1/invoices")).toBe("portal");
  });
});

describe("helpDocumentsFor", () => {
  it("lists the seed's four recommended documents, in its order, for Invoices and Pay now", () => {
    expect(helpDocumentsFor("invoices")).toEqual([
      { id: "payBill", href: "https://learn.microsoft.com/azure/cost-management-billing/understand/pay-bill" },
      {
        id: "changePaymentFaq",
        href: "https://learn.microsoft.com/azure/cost-management-billing/manage/change-credit-card#frequently-asked-questions",
      },
      {
        id: "mcaCreditCards",
        href: "https://learn.microsoft.com/azure/cost-management-billing/manage/change-credit-card#manage-microsoft-customer-agreement-credit-cards",
      },
      {
        id: "accountType",
        href: "https://learn.microsoft.com/azure/cost-management-billing/manage/change-credit-card#check-the-type-of-your-account",
      },
    ]);
  });

  it("gives every context at least one document, all on Microsoft Learn over HTTPS", () => {
    for (const context of ["invoices", "paymentMethods", "properties", "billing", "portal"] as const) {
      const documents = helpDocumentsFor(context);
      expect(documents.length).toBeGreaterThan(0);
      for (const { href } of documents) expect(new URL(href).origin).toBe("https://learn.microsoft.com");
    }
    expect(Object.keys(helpDocuments)).toHaveLength(6);
  });
});
