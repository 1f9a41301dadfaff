// A world's test clock: everything the portal shows reads it; moving it forward runs the billing cycle (due → past
// due, a new invoice on the 5th with a notification to the admins), never twice for one month — not when moved
// twice over the same day, not when moved by concurrent calls; backwards is a 409; the demo world does not move.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { parseInvoiceFilters } from "@/features/invoices/filters";
import { listInvoices } from "@/features/invoices/grid-query";
import { getBillingOverview } from "@/features/invoices/queries";
import { payInvoice } from "@/features/payments/pay-invoice";
import { notificationsFor } from "@/features/portal/notifications";
import type { WorldView } from "@/features/worlds/world-view";
import { worldNow } from "@/server/world-clock";

import { TEST_NOW } from "../../support/test-db";
import { accountOf, control, newWorld, testDb, userOf } from "./world";

const move = async (world: WorldView, body: object) => {
  const response = await control.clock(world.id, { body });
  return { status: response.status, body: await response.json() };
};
const grid = async (world: WorldView, account = "Contoso Ltd") =>
  listInvoices(accountOf(world, account).id, parseInvoiceFilters({ timespan: "24m" }), await worldNow(world.id));
const invoiceCount = (world: WorldView) =>
  testDb.db.invoice.count({ where: { billingAccount: { worldId: world.id } } });
const userId = async (email: string) => (await testDb.db.user.findUniqueOrThrow({ where: { email } })).id;

describe("moving a world's clock", () => {
  it("40 days on: the due invoice is past due, December's invoices are issued and the admins are told", async () => {
    const world = await newWorld();
    const before = await grid(world);
    const due = before.rows.find((row) => row.status === "due" && row.billingProfile.name === "Contoso Engineering")!;
    expect(due.dueDate.toISOString()).toBe("2026-12-05T00:00:00.000Z");

    const moved = await move(world, { advanceDays: 40 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ from: TEST_NOW.toISOString(), now: "2026-12-30T09:00:00.000Z" });
    expect(moved.body.issuedInvoices.map((i: { billingProfile: string }) => i.billingProfile)).toEqual([
      "Contoso Engineering",
      "Contoso Finance",
      "Fabrikam Pay-As-You-Go",
    ]);
    expect(moved.body.pastDueInvoices).toContain(due.id);
    expect((await control.get(world.id).then((r) => r.json())).now).toBe("2026-12-30T09:00:00.000Z");

    const after = await grid(world);
    expect(after.rows.find((row) => row.id === due.id)!.status).toBe("pastDue");
    const issued = after.rows.find((row) => row.id === moved.body.issuedInvoices[0].id)!;
    expect(issued).toMatchObject({
      status: "due",
      periodStart: new Date("2026-11-01"),
      periodEnd: new Date("2026-11-30"),
    });
    expect(issued.invoiceDate.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(issued.dueDate.toISOString()).toBe("2027-01-04T00:00:00.000Z");
    const lines = await testDb.db.invoiceLine.findMany({ where: { invoiceId: issued.id } });
    expect(lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBeGreaterThan(0);

    const overview = await getBillingOverview(accountOf(world).id, await worldNow(world.id));
    expect(overview.nextDue?.id).toBe(issued.id);

    const bell = (await notificationsFor(await userId(userOf(world, "admin").email))).map((n) => n.body);
    expect(bell).toContain(
      `Invoice ${issued.id} for $${(issued.totalMinor / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} is ready to pay.`,
    );
    expect(bell.some((body) => body.startsWith(`Invoice ${due.id} is past due`))).toBe(true);
    expect(await notificationsFor(await userId(userOf(world, "reader").email))).toEqual([]);
  });

  it("and paying the invoice that fell past due: the payment is dated by the world's clock", async () => {
    const world = await newWorld();
    const { body } = await move(world, { advanceDays: 40 });
    const fallen = await testDb.db.invoice.findFirstOrThrow({
      where: { id: { in: body.pastDueInvoices }, billingProfile: { name: "Contoso Engineering" } },
      include: { billingProfile: true },
    });
    const outcome = await payInvoice({
      userId: await userId(userOf(world, "admin").email),
      accountId: fallen.billingAccountId,
      invoiceId: fallen.id,
      idempotencyKey: randomUUID(),
      method: { kind: "saved", paymentMethodId: fallen.billingProfile.defaultPaymentMethodId! },
    });
    expect(outcome).toMatchObject({ status: "succeeded", paidInFull: true });
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: fallen.id, status: "SUCCEEDED" } });
    expect(payment.createdAt.toISOString()).toBe("2026-12-30T09:00:00.000Z");
  });

  it("never issues a month twice: over the same day twice, to the same time twice, by concurrent calls", async () => {
    const world = await newWorld();
    const seeded = await invoiceCount(world);
    expect((await move(world, { now: "2026-12-04T23:59:59.000Z" })).body.issuedInvoices).toEqual([]);
    expect((await move(world, { now: "2026-12-05T00:00:00.000Z" })).body.issuedInvoices).toHaveLength(3);
    expect((await move(world, { now: "2026-12-05T00:00:00.000Z" })).body.issuedInvoices).toEqual([]);
    expect((await move(world, { advanceDays: 0 })).body.issuedInvoices).toEqual([]);
    expect((await move(world, { advanceDays: 1 })).body.issuedInvoices).toEqual([]);
    expect(await invoiceCount(world)).toBe(seeded + 3);

    // Four calls at once to the same time: one moves the clock, the others find it there already.
    const same = await Promise.all(Array.from({ length: 4 }, () => move(world, { now: "2027-01-10T00:00:00.000Z" })));
    expect(same.map((call) => call.status)).toEqual([200, 200, 200, 200]);
    expect(same.flatMap((call) => call.body.issuedInvoices)).toHaveLength(3);
    // Two moves by 20 days at once: one after the other, 40 days in all, February's invoices once.
    const apart = await Promise.all([move(world, { advanceDays: 20 }), move(world, { advanceDays: 20 })]);
    expect(apart.flatMap((call) => call.body.issuedInvoices)).toHaveLength(3);
    expect((await control.get(world.id).then((r) => r.json())).now).toBe("2027-02-19T00:00:00.000Z");
    expect(await invoiceCount(world)).toBe(seeded + 9);
    const periods = await testDb.db.invoice.groupBy({
      by: ["billingProfileId", "periodStart"],
      where: { billingAccount: { worldId: world.id } },
      _count: { _all: true },
    });
    expect(periods.every((period) => period._count._all === 1)).toBe(true);
  });

  it("only forward: backwards is a 409 that says so and changes nothing", async () => {
    const world = await newWorld({ now: "2027-01-15T10:00:00.000Z" });
    const count = await invoiceCount(world);
    const back = await move(world, { now: "2027-01-01T00:00:00.000Z" });
    expect(back.status).toBe(409);
    expect(back.body.message).toContain("only moves forward");
    expect(back.body.now).toBe("2027-01-15T10:00:00.000Z");
    expect((await move(world, { advanceDays: -1 })).status).toBe(409);
    expect((await move(world, { advanceDays: 3_661 })).status).toBe(400);
    expect(await invoiceCount(world)).toBe(count);
    expect((await control.get(world.id).then((r) => r.json())).now).toBe("2027-01-15T10:00:00.000Z");
  });

  it("stops at 9998-12-31: a clock or a new world past it is a 400, and nothing changes", async () => {
    const late = await control.create({ body: { now: "9999-06-01T00:00:00.000Z" } });
    expect(late.status).toBe(400);
    const world = await newWorld({ now: "9998-11-20T00:00:00.000Z" });
    const count = await invoiceCount(world);
    const far = await move(world, { advanceDays: 3_660 });
    expect([far.status, far.body.error]).toEqual([400, "ClockOutOfRange"]);
    expect(far.body.message).toContain("9998-12-31T23:59:59.999Z");
    expect((await move(world, { now: "9999-01-01T00:00:00.000Z" })).status).toBe(400);
    expect(await invoiceCount(world)).toBe(count);
    expect((await control.get(world.id).then((r) => r.json())).now).toBe("9998-11-20T00:00:00.000Z");
    // Up to the last day still moves.
    expect(await move(world, { now: "9998-12-31T23:59:59.999Z" })).toMatchObject({ status: 200 });
  });

  it("ages the world's cards: a saved card expires when the clock passes its month", async () => {
    const world = await newWorld();
    const invoice = await testDb.db.invoice.findFirstOrThrow({
      where: {
        billingAccount: { worldId: world.id },
        billingProfile: { name: "Contoso Engineering" },
        amountDueMinor: { gt: 0 },
      },
      include: { billingProfile: { include: { paymentMethods: true } } },
    });
    const visa = invoice.billingProfile.paymentMethods.find((card) => card.last4 === "4242")!;
    expect(visa.expYear).toBe(2028);
    await move(world, { now: "2029-01-01T00:00:00.000Z" });
    const outcome = await payInvoice({
      userId: await userId(userOf(world, "admin").email),
      accountId: invoice.billingAccountId,
      invoiceId: invoice.id,
      idempotencyKey: randomUUID(),
      amountMinor: 10_00,
      method: { kind: "saved", paymentMethodId: visa.id },
    });
    expect(outcome).toEqual({ status: "refused", reason: "cardExpired" });
  });

  it("leaves the default demo world alone: its clock, invoices and notifications", async () => {
    const demoCount = await testDb.db.invoice.count({ where: { billingAccount: { worldId: null } } });
    const world = await newWorld();
    await move(world, { advanceDays: 400 });
    expect(await worldNow(null)).toEqual(TEST_NOW);
    expect(await testDb.db.invoice.count({ where: { billingAccount: { worldId: null } } })).toBe(demoCount);
    expect(await testDb.db.notification.count({ where: { user: { worldId: null } } })).toBe(0);
  });
});
