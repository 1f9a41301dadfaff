// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from docs/product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
//
// This file: payInvoiceAction: who may pay (role, account, agreement).
import { randomUUID } from "node:crypto";

import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";

import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/features/access/session";

import { cookieJar, resetNextRequest } from "../../support/next-request";
import { expectActionRefused, newCardForm, payForm, savedCardForm } from "./requests";
import { signInAs, t, world } from "./world";

describe("payInvoiceAction: who may pay", () => {
  it("refuses the reader, telling who can pay, and writes nothing", async () => {
    await signInAs("reader@contoso.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.refusals.notAdmin);
    await expectActionRefused(
      newCardForm(world.invoices.pastDue, "4242424242424242", { amount: "10.00" }),
      t.refusals.notAdmin,
    );
  });

  it("refuses Fabrikam's admin on Contoso's invoice as not found, and writes nothing", async () => {
    await signInAs("admin@fabrikam.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.refusals.notFound);
    await expectActionRefused(newCardForm(world.invoices.pastDue, "4242424242424242"), t.refusals.notFound);
  });

  it("tells Fabrikam's admin nothing about whether a Contoso invoice exists, whatever the amount", async () => {
    await signInAs("admin@fabrikam.com");
    for (const amount of [undefined, "100.00", "not an amount"]) {
      const existing = await expectActionRefused(
        newCardForm(world.invoices.pastDue, "4242424242424242", { amount }),
        t.refusals.notFound,
      );
      const missing = await expectActionRefused(
        newCardForm("G0NOSUCH01", "4242424242424242", { amount }),
        t.refusals.notFound,
      );
      expect({ ...existing, nextKey: "" }, `amount ${amount}`).toEqual({ ...missing, nextKey: "" });
    }
  });

  it("tells a signed-out visitor nothing about whether an invoice exists, whatever the amount", async () => {
    for (const amount of [undefined, "100.00", "not an amount"]) {
      resetNextRequest();
      await expectActionRefused(
        newCardForm(world.invoices.pastDue, "4242424242424242", { amount }),
        t.errors.signedOut,
      );
      await expectActionRefused(newCardForm("G0NOSUCH01", "4242424242424242", { amount }), t.errors.signedOut);
    }
  });

  it("refuses the Contoso admin on an invoice of another account passed with the Contoso ID", async () => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(
      savedCardForm(world.invoices.fabrikamDue, world.cards.fabrikamMastercard),
      t.refusals.notFound,
    );
  });

  it("refuses a visitor without a session and writes nothing", async () => {
    resetNextRequest();
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it("refuses a tampered session cookie and writes nothing", async () => {
    await signInAs("admin@contoso.com");
    const genuine = cookieJar.get(SESSION_COOKIE)!.value;
    const at = Math.floor(genuine.length / 2);
    const forged = genuine.slice(0, at) + (genuine[at] === "A" ? "B" : "A") + genuine.slice(at + 1);
    resetNextRequest({ cookies: { [SESSION_COOKIE]: forged } });
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it("refuses a session sealed with another secret", async () => {
    const foreign = await sealData(
      { userId: world.users.contosoAdmin },
      { password: "another-portal-secret-0123456789abcdefghij", ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: foreign } });
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it.each([
    ["no idempotency key", { idempotencyKey: undefined }],
    ["an idempotency key that is not a UUID", { idempotencyKey: "1" }],
    ["no invoice", { invoiceId: undefined }],
    ["no account", { accountId: undefined }],
    ["an unknown method", { method: "wire" }],
    ["an oversized invoice ID", { invoiceId: "G".repeat(41) }],
  ])("refuses a request with %s", async (_label, overrides) => {
    await signInAs("admin@contoso.com");
    const fields = {
      accountId: world.contoso,
      invoiceId: world.invoices.pastDue,
      idempotencyKey: randomUUID(),
      method: "saved",
      paymentMethodId: world.cards.visa4242,
      ...overrides,
    };
    await expectActionRefused(payForm(fields), t.errors.invalidRequest);
  });
});
