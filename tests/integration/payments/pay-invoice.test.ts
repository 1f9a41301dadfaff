// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from docs/product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
//
// This file: payInvoice(), the function beneath the action and the API: each test card, idempotency, refusals that write nothing.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { payInvoice } from "@/features/payments/pay-invoice";
import { setCardProcessor } from "@/features/payments/processor/simulated";

import { expectRefused, newCard, request, savedCard, succeeded } from "./requests";
import { approvedCards, clock, decliningCards, freshInvoice, invoiceRow, processor, testDb, world } from "./world";

describe("payInvoice: each test card", () => {
  it.each(approvedCards)("$number is approved", async ({ number, brand }) => {
    const invoice = await freshInvoice({ totalMinor: 777_77 });
    const outcome = await payInvoice(request(invoice.id, newCard(number)));
    expect(outcome).toEqual({
      status: "succeeded",
      paymentId: expect.any(String),
      amountMinor: 777_77,
      currency: "USD",
      invoiceId: invoice.id,
      paidInFull: true,
    });
    const payment = await testDb.db.payment.findUniqueOrThrow({
      where: { id: (outcome as { paymentId: string }).paymentId },
    });
    expect(payment).toMatchObject({ status: "SUCCEEDED", cardBrand: brand, cardLast4: number.slice(-4) });
  });

  it.each(decliningCards)("$number is declined with $code", async ({ number, code, retryable }) => {
    const invoice = await freshInvoice({ totalMinor: 777_77 });
    const outcome = await payInvoice(request(invoice.id, newCard(number)));
    expect(outcome).toEqual({ status: "declined", paymentId: expect.any(String), code, retryable });
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(777_77);
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } })).toBe(0);
  });

  it("a processor that throws never leaves a success nor loses the reserved amount", async () => {
    setCardProcessor({
      charge: async () => Promise.reject(new Error("gateway timeout")),
      lookup: async () => null,
      abandon: async () => ({ outcome: "declined", code: "processing_error" }),
    });
    const invoice = await freshInvoice();
    const outcome = await payInvoice(request(invoice.id, newCard("4242424242424242")));
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    const amountDue = (await invoiceRow(invoice.id)).amountDueMinor;
    if (outcome.status === "declined") {
      // Settled as a retryable processing error, with the balance given back.
      expect(outcome).toMatchObject({ code: "processing_error", retryable: true });
      expect(payment).toMatchObject({ status: "FAILED", declineCode: "processing_error" });
      expect(amountDue).toBe(invoice.totalMinor);
    } else {
      // Or left to be reconciled with the processor: still pending, the amount still reserved.
      expect(outcome).toEqual({ status: "inProgress", paymentId: payment.id });
      expect(payment.status).toBe("PENDING");
      expect(amountDue).toBe(0);
    }
    expect(await testDb.db.notification.count({ where: { kind: "PAYMENT_SUCCEEDED", createdAt: clock } })).toBe(0);
  });

  it("a retryable decline can be retried with the same card under a new key", async () => {
    const invoice = await freshInvoice();
    expect(await payInvoice(request(invoice.id, newCard("4000000000000119")))).toMatchObject({
      status: "declined",
      retryable: true,
    });
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });
});

describe("payInvoice: idempotency", () => {
  it("the same key twice gives the first result, one payment row and one charge", async () => {
    const invoice = await freshInvoice();
    const payRequest = request(invoice.id, newCard("4242424242424242"));
    const first = await payInvoice(payRequest);
    const second = await payInvoice(payRequest);
    expect(succeeded(first)).toEqual(second);
    expect(await testDb.db.payment.count({ where: { idempotencyKey: payRequest.idempotencyKey } })).toBe(1);
    expect(processor.calls).toHaveLength(1);
  });

  // Review finding 4: answering the first result would tell a script its second payment went through.
  it.each([
    ["another amount", newCard("4242424242424242"), { amountMinor: 200_00 }],
    ["another card", newCard("5555555555554444"), { amountMinor: 100_00 }],
    ["a saved card instead", undefined, { amountMinor: 100_00 }],
    ["the whole amount due", newCard("4242424242424242"), {}],
  ] as const)(
    "the same key with %s is refused (keyMismatch), charging and writing nothing",
    async (_label, method, changes) => {
      const invoice = await freshInvoice();
      const key = randomUUID();
      const first = succeeded(
        await payInvoice(
          request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 }),
        ),
      );
      processor.calls.length = 0;
      await expectRefused(
        request(invoice.id, method ?? savedCard(world.cards.visa4242), { idempotencyKey: key, ...changes }),
        "keyMismatch",
      );
      // The very same request still answers the first result.
      expect(
        await payInvoice(
          request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 }),
        ),
      ).toEqual(first);
      expect(processor.calls).toHaveLength(0);
      expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(invoice.totalMinor - 100_00);
    },
  );

  it("a key used for another invoice is refused, and writes nothing", async () => {
    const a = await freshInvoice();
    const b = await freshInvoice();
    const key = randomUUID();
    succeeded(
      await payInvoice(request(a.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 })),
    );
    processor.calls.length = 0;
    await expectRefused(request(b.id, newCard("4242424242424242"), { idempotencyKey: key }), "keyReused");
  });

  it("a key used by another user is refused and reveals nothing", async () => {
    const invoice = await freshInvoice();
    const key = randomUUID();
    succeeded(
      await payInvoice(request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 })),
    );
    processor.calls.length = 0;
    await expectRefused(
      request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, userId: world.users.contosoReader }),
      "keyReused",
    );
  });
});

describe("payInvoice: refusals write nothing", () => {
  it("an already paid invoice", async () => {
    await expectRefused(request(world.invoices.paid[3], savedCard(world.cards.visa4242)), "notPayable");
  });

  it("a partial payment below the minimum", async () => {
    const invoice = await freshInvoice();
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { amountMinor: 4_99 }), "belowMinimum");
  });

  it.each([
    ["zero", 0, "notPositive"],
    ["negative", -100, "notPositive"],
    ["fractional", 100.5, "notPositive"],
    ["NaN", Number.NaN, "notPositive"],
    ["above the amount due", 1_000_01, "aboveAmountDue"],
  ])("an amount that is %s", async (_label, amountMinor, reason) => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { amountMinor }), reason);
  });

  it("the invoice above the card limit", async () => {
    await expectRefused(request(world.invoices.aboveLimit, newCard("4242424242424242")), "aboveCardLimit");
  });

  it("the expired saved Amex", async () => {
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(invoice.id, savedCard(world.cards.amex0005)), "cardExpired");
  });

  it("a card of another billing profile", async () => {
    const invoice = await freshInvoice();
    await expectRefused(request(invoice.id, savedCard(world.cards.mastercard4444)), "cardNotUsable");
    const engineeringInvoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(engineeringInvoice.id, savedCard(world.cards.fabrikamMastercard)), "cardNotUsable");
  });

  it("a card ID that does not exist", async () => {
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(invoice.id, savedCard(randomUUID())), "cardNotUsable");
  });

  it("the reader", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: world.users.contosoReader }),
      "notAdmin",
    );
  });

  it("Fabrikam's admin with Contoso IDs", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: world.users.fabrikamAdmin }),
      "notFound",
    );
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.fabrikamMastercard), { userId: world.users.fabrikamAdmin }),
      "notFound",
    );
  });

  it("a user that does not exist", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: randomUUID() }),
      "notFound",
    );
  });

  it("an invoice of another account under the Contoso ID", async () => {
    await expectRefused(request(world.invoices.fabrikamDue, savedCard(world.cards.visa4242)), "notFound");
  });

  it("the MOSP account's admin on its own invoice", async () => {
    await expectRefused(
      request(world.invoices.fabrikamDue, savedCard(world.cards.fabrikamMastercard), {
        userId: world.users.fabrikamAdmin,
        accountId: world.fabrikam,
      }),
      "agreement",
    );
  });
});
