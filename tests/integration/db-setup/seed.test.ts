// The database foundation: migrations with the wasm schema engine, the demo
// seed, and the start-up errors a person can act on (scripts/db-setup.ts).
//
// This file: seedDemo.

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/server/db/client";
import { seedDemo } from "@/server/demo/seed";

import { createTestDatabase, TEST_NOW, type TestDatabase } from "../../support/test-db";
import { tableCounts } from "./helpers";

describe("seedDemo", () => {
  let world: TestDatabase & { destroy: () => Promise<void> };

  beforeAll(async () => {
    world = await createTestDatabase({ seed: true, now: TEST_NOW });
  });
  afterAll(async () => {
    await world?.destroy();
  });

  it("seeds once; a second run (same or new client) changes nothing", async () => {
    expect(world.seeded).toBe(true);
    const before = tableCounts(world.file);
    expect(before.User).toBe(3);
    expect(before.Invoice).toBeGreaterThan(0);

    expect(await seedDemo(world.db, { now: TEST_NOW })).toBe(false);
    const another = createPrismaClient(world.url);
    try {
      expect(await seedDemo(another, { now: new Date("2027-06-01T00:00:00Z") })).toBe(false);
    } finally {
      await another.$disconnect();
    }
    expect(tableCounts(world.file)).toEqual(before);

    const emails = (await world.db.user.findMany({ select: { email: true } })).map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.sort()).toEqual(["admin@contoso.com", "admin@fabrikam.com", "reader@contoso.com"]);
  });

  it("is the same world on every machine (deterministic ids)", async () => {
    const again = await createTestDatabase({ seed: true, now: TEST_NOW });
    try {
      const ids = async (db: TestDatabase["db"]) =>
        await db.invoice.findMany({ select: { id: true, totalMinor: true }, orderBy: { id: "asc" } });
      expect(await ids(again.db)).toEqual(await ids(world.db));
    } finally {
      await again.destroy();
    }
  });

  it("has the invoices the product's scenarios need", async () => {
    const invoices = await world.db.invoice.findMany({ include: { payments: true, lines: true } });
    const open = invoices.filter((invoice) => !invoice.voided && invoice.amountDueMinor > 0);

    const aboveCardLimit = open.filter((invoice) => invoice.currency === "USD" && invoice.totalMinor > 50_000_00);
    expect(aboveCardLimit.length).toBeGreaterThanOrEqual(1);

    const partiallyPaid = open.filter((invoice) => invoice.amountDueMinor < invoice.totalMinor);
    expect(partiallyPaid.length).toBeGreaterThanOrEqual(1);
    for (const invoice of partiallyPaid) {
      expect(invoice.payments.some((payment) => payment.status === "SUCCEEDED")).toBe(true);
    }

    const voided = invoices.filter((invoice) => invoice.voided);
    expect(voided.length).toBeGreaterThanOrEqual(1);
    expect(voided.every((invoice) => invoice.amountDueMinor === 0)).toBe(true);

    const pastDue = open.filter((invoice) => invoice.dueDate < TEST_NOW);
    expect(pastDue.length).toBeGreaterThanOrEqual(1);

    const due = open.filter((invoice) => invoice.dueDate >= TEST_NOW);
    expect(due.length).toBeGreaterThanOrEqual(1);

    // The admin of Contoso can see the above-limit and the partially paid ones.
    const contoso = await world.db.billingAccount.findFirstOrThrow({
      where: { name: "Contoso Ltd" },
      include: { roles: { include: { user: true } } },
    });
    expect(contoso.roles.find((role) => role.user.email === "admin@contoso.com")?.role).toBe("BILLING_ACCOUNT_ADMIN");
    expect(aboveCardLimit.some((invoice) => invoice.billingAccountId === contoso.id)).toBe(true);
  });

  it("keeps every invoice's amounts consistent", async () => {
    const invoices = await world.db.invoice.findMany({ include: { payments: true, lines: true } });
    for (const invoice of invoices) {
      expect(invoice.subtotalMinor + invoice.taxMinor, invoice.id).toBe(invoice.totalMinor);
      expect(
        invoice.lines.reduce((sum, line) => sum + line.amountMinor, 0),
        invoice.id,
      ).toBe(invoice.subtotalMinor);
      expect(invoice.invoiceDate.getTime(), invoice.id).toBeLessThanOrEqual(TEST_NOW.getTime());
      if (invoice.voided) continue;
      const paid = invoice.payments
        .filter((payment) => payment.status === "SUCCEEDED")
        .reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(invoice.amountDueMinor + paid, invoice.id).toBe(invoice.totalMinor);
      for (const payment of invoice.payments) expect(payment.currency, invoice.id).toBe(invoice.currency);
    }
  });
});
