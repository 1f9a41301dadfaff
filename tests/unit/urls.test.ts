import { describe, expect, it } from "vitest";

import { withQuery } from "@/lib/urls";

describe("withQuery", () => {
  it("starts a query on a bare path", () => {
    expect(withQuery("/billing/a/invoices", { invoice: "G001", blade: "pay" })).toBe(
      "/billing/a/invoices?invoice=G001&blade=pay",
    );
  });
  it("appends to an existing query, keeping it first", () => {
    expect(withQuery("/billing/a/invoices?status=pastDue&page=3", { invoice: "G001" })).toBe(
      "/billing/a/invoices?status=pastDue&page=3&invoice=G001",
    );
  });
  it("encodes the values", () => {
    expect(withQuery("/x", { q: "a&b=c d" })).toBe("/x?q=a%26b%3Dc+d");
  });
});
