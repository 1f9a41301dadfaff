// The simulated processor's test cards (docs/product.md, "The simulated card
// processor"): deterministic outcomes chosen by card number, behind one
// interface. The expected table is written out here as documented.
// The simulator keeps a ledger of charges (the gateway's own records) in the
// database, so this file gets a migrated, empty throwaway database.
import { randomUUID } from "node:crypto";

import cardValidator from "card-validator";
import { describe, expect, it, vi } from "vitest";

import { SimulatedProcessor } from "@/features/payments/processor/simulated";
import { declineCodes, retryableDeclines, testCards } from "@/features/payments/processor/test-cards";
import type { ChargeRequest } from "@/features/payments/processor/types";
import { cardFingerprint } from "@/server/card-fingerprint";

// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as migratedTestDatabase } from "../support/test-db";

const testDb = migratedTestDatabase();

const documented = [
  { number: "4242424242424242", brand: "visa", outcome: "approved" },
  { number: "5555555555554444", brand: "mastercard", outcome: "approved" },
  { number: "378282246310005", brand: "american-express", outcome: "approved" },
  { number: "4000056655665556", brand: "visa", outcome: "approved" },
  { number: "4000000000000002", brand: "visa", outcome: "generic_decline" },
  { number: "4000000000009995", brand: "visa", outcome: "insufficient_funds" },
  { number: "4000000000000069", brand: "visa", outcome: "expired_card" },
  { number: "4000000000000127", brand: "visa", outcome: "incorrect_cvc" },
  { number: "4000000000000119", brand: "visa", outcome: "processing_error" },
  { number: "4000000000000507", brand: "visa", outcome: "prepaid_card" },
  { number: "4000000000000077", brand: "visa", outcome: "virtual_card" },
] as const;

function chargeWith(number: string, overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    idempotencyKey: randomUUID(),
    amountMinor: 12_345,
    currency: "USD",
    card: { fingerprint: cardFingerprint(number), brand: "visa", last4: number.slice(-4), expMonth: 12, expYear: 2030 },
    description: "Microsoft Azure invoice G011234567",
    ...overrides,
  };
}

describe("test cards", () => {
  it("are exactly the documented table, in order", () => {
    expect(testCards.map(({ number, brand, outcome }) => ({ number, brand, outcome }))).toEqual(documented);
  });

  it("cover every decline code, each once", () => {
    const declines = testCards.map((card) => card.outcome).filter((outcome) => outcome !== "approved");
    expect([...declines].sort()).toEqual([...declineCodes].sort());
    expect(new Set(declines).size).toBe(declines.length);
  });

  it("have distinct numbers and a description each", () => {
    expect(new Set(testCards.map((card) => card.number)).size).toBe(testCards.length);
    for (const card of testCards) expect(card.description.trim(), card.number).not.toBe("");
  });

  it.each(documented)("$number passes the Luhn check and is a $brand card", ({ number, brand }) => {
    const verdict = cardValidator.number(number);
    expect(verdict.isValid).toBe(true);
    expect(verdict.card?.type).toBe(brand);
  });

  it("only a processing error is retryable", () => {
    expect([...retryableDeclines]).toEqual(["processing_error"]);
  });
});

describe("SimulatedProcessor", () => {
  const processor = new SimulatedProcessor(0, "none");

  it.each(documented)("charging $number by its fingerprint gives $outcome", async ({ number, outcome }) => {
    const result = await processor.charge(chargeWith(number));
    if (outcome === "approved") {
      expect(result.outcome).toBe("approved");
      expect(result).toMatchObject({ reference: expect.stringMatching(/^SIM-[0-9A-F]{12}$/) });
    } else {
      expect(result).toEqual({ outcome: "declined", code: outcome });
    }
  });

  it.each(["4111111111111111", "5105105105105100", "6011111111111117", "371449635398431"])(
    "approves a valid card that is not a test card (%s)",
    async (number) => {
      expect(cardValidator.number(number).isValid).toBe(true);
      const result = await processor.charge(chargeWith(number));
      expect(result.outcome).toBe("approved");
    },
  );

  it("identifies the card by fingerprint only: a decline card's last four and brand don't matter", async () => {
    const declining = chargeWith("4000000000000002");
    const approved = await processor.charge({
      ...declining,
      card: { ...declining.card, fingerprint: cardFingerprint("4242424242424242") },
    });
    expect(approved.outcome).toBe("approved");
    const declined = await processor.charge({ ...chargeWith("4242424242424242"), card: declining.card });
    expect(declined).toEqual({ outcome: "declined", code: "generic_decline" });
  });

  it("gives the same reference for the same idempotency key", async () => {
    const idempotencyKey = randomUUID();
    const first = await processor.charge(chargeWith("4242424242424242", { idempotencyKey }));
    const again = await processor.charge(chargeWith("4242424242424242", { idempotencyKey }));
    const otherProcessor = await new SimulatedProcessor(0).charge(chargeWith("4242424242424242", { idempotencyKey }));
    expect(first.outcome).toBe("approved");
    expect(again).toEqual(first);
    expect(otherProcessor).toEqual(first);
  });

  it("charges once per idempotency key: a second request with another card or amount gets the first answer", async () => {
    const idempotencyKey = randomUUID();
    const first = await processor.charge(chargeWith("4242424242424242", { idempotencyKey }));
    const again = await processor.charge(chargeWith("4000000000000002", { idempotencyKey, amountMinor: 99 }));
    expect(again).toEqual(first);
    expect(await testDb.db.simulatedCharge.count({ where: { idempotencyKey } })).toBe(1);
  });

  it("answers concurrent requests with one key alike, recording one charge", async () => {
    const idempotencyKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => processor.charge(chargeWith("4242424242424242", { idempotencyKey }))),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await testDb.db.simulatedCharge.count({ where: { idempotencyKey } })).toBe(1);
  });

  it("can be asked afterwards what became of a charge, and knows nothing of one it never received", async () => {
    const approvedKey = randomUUID();
    const declinedKey = randomUUID();
    const approved = await processor.charge(chargeWith("4242424242424242", { idempotencyKey: approvedKey }));
    const declined = await processor.charge(chargeWith("4000000000000119", { idempotencyKey: declinedKey }));
    expect(await processor.lookup(approvedKey)).toEqual(approved);
    expect(await processor.lookup(declinedKey)).toEqual({ outcome: "declined", code: "processing_error" });
    expect(declined).toEqual({ outcome: "declined", code: "processing_error" });
    expect(await processor.lookup(randomUUID())).toBeNull();
  });

  it("keeps no card data in its ledger", async () => {
    const idempotencyKey = randomUUID();
    await processor.charge(chargeWith("4242424242424242", { idempotencyKey }));
    const row = await testDb.db.simulatedCharge.findUniqueOrThrow({ where: { idempotencyKey } });
    expect(JSON.stringify(row)).not.toContain("4242424242424242");
  });

  it("gives different references for different keys", async () => {
    const a = await processor.charge(
      chargeWith("4242424242424242", { idempotencyKey: "11111111-1111-4111-8111-111111111111" }),
    );
    const b = await processor.charge(
      chargeWith("4242424242424242", { idempotencyKey: "22222222-2222-4222-8222-222222222222" }),
    );
    expect(a.outcome === "approved" && b.outcome === "approved").toBe(true);
    expect(a).not.toEqual(b);
  });

  it("waits the configured delay", async () => {
    const slow = new SimulatedProcessor(40);
    const started = performance.now();
    await slow.charge(chargeWith("4242424242424242"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("reads PAYMENT_DELAY_MS at construction", async () => {
    vi.stubEnv("PAYMENT_DELAY_MS", "0");
    const fast = new SimulatedProcessor();
    const started = performance.now();
    await fast.charge(chargeWith("4242424242424242"));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("cardFingerprint", () => {
  it("is a keyed hash that never contains the number", () => {
    const fingerprint = cardFingerprint("4242424242424242");
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain("4242424242424242");
    expect(cardFingerprint("4242424242424242")).toBe(fingerprint);
    expect(cardFingerprint("4242424242424242", "another key")).not.toBe(fingerprint);
    expect(cardFingerprint("5555555555554444")).not.toBe(fingerprint);
  });
});
