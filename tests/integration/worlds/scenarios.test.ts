// Worlds pinned in time and shape: a scenario gives the same invoices, relative to the world's clock, whatever
// that clock (and the machine's date) is; the same seed, scenario and clock give the same world, IDs aside; and
// invoices are answered as objects (account, profile, status, amount due, due date) by world creation, clock moves
// and GET /api/sim/worlds/{id}/invoices.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { GET as scenariosRoute } from "@/app/api/sim/scenarios/route";
import { GET as invoicesRoute } from "@/app/api/sim/worlds/[worldId]/invoices/route";
import { payInvoice } from "@/features/payments/pay-invoice";
import type { WorldInvoice } from "@/features/worlds/world-invoices";

import { expectResponseMatches } from "../../support/openapi";
import { control, newWorld, ORIGIN, testDb, TOKEN, userOf } from "./world";

type Created = Awaited<ReturnType<typeof newWorld>> & { scenario: string; invoices: WorldInvoice[] };
const create = async (body: object) => (await newWorld(body)) as Created;

const NOWS = ["2027-03-01T12:00:00.000Z", "2031-08-15T06:30:00.000Z"];

async function invoicesOf(worldId: string, query = "") {
  const path = `/api/sim/worlds/${worldId}/invoices${query}`;
  const response = await invoicesRoute(
    new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    {
      params: Promise.resolve({ worldId }),
    },
  );
  await expectResponseMatches(response, "get", "/api/sim/worlds/{worldId}/invoices");
  return { status: response.status, body: (await response.json()) as { now: string; value: WorldInvoice[] } };
}

/** Billing months between an invoice and the world's clock: 0 for the newest, whatever the day of the month. */
const monthsBefore = (invoiceDate: string, now: string) => {
  const [a, b] = [new Date(invoiceDate), new Date(now)];
  const anchor = b.getUTCDate() >= 5 ? b.getUTCMonth() : b.getUTCMonth() - 1;
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + anchor - a.getUTCMonth();
};

/** A world's invoices as a test sees them relative to its clock: no numbers, no absolute dates. */
const relative = (invoices: WorldInvoice[], now: string) =>
  invoices.map((invoice) => ({
    profile: invoice.billingProfileName,
    monthsBefore: monthsBefore(invoice.invoiceDate, now),
    status: invoice.status,
    totalMinor: invoice.totalMinor,
    amountDue: invoice.amountDue,
    daysFromInvoiceToDue: (Date.parse(invoice.dueDate) - Date.parse(invoice.invoiceDate)) / 86_400_000,
  }));

const unpaid = (invoices: WorldInvoice[]) =>
  invoices
    .filter((invoice) => !["paid", "void"].includes(invoice.status))
    .map((invoice) => [invoice.billingProfileName, invoice.status]);

describe("scenarios", () => {
  it("GET /api/sim/scenarios lists every scenario with what it guarantees", async () => {
    const response = await scenariosRoute(
      new Request(`${ORIGIN}/api/sim/scenarios`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    await expectResponseMatches(response.clone(), "get", "/api/sim/scenarios");
    const { value } = await response.json();
    expect(value.map((scenario: { name: string }) => scenario.name)).toEqual([
      "default",
      "mca-payable",
      "partially-paid",
      "over-card-limit",
      "all-paid",
      "mosp-past-due",
    ]);
    for (const scenario of value) expect(scenario.guarantees.length, scenario.name).toBeGreaterThan(0);
    const refused = await scenariosRoute(new Request(`${ORIGIN}/api/sim/scenarios`));
    expect(refused.status).toBe(401);
  });

  const expectedUnpaid: Record<string, string[][]> = {
    default: [
      ["Contoso Engineering", "due"],
      ["Contoso Engineering", "pastDue"],
      ["Contoso Engineering", "partiallyPaid"],
      ["Contoso Finance", "due"],
      ["Fabrikam Pay-As-You-Go", "due"],
      ["Fabrikam Pay-As-You-Go", "pastDue"],
    ],
    "mca-payable": [
      ["Contoso Engineering", "due"],
      ["Contoso Engineering", "pastDue"],
    ],
    "partially-paid": [["Contoso Engineering", "partiallyPaid"]],
    "over-card-limit": [["Contoso Finance", "due"]],
    "all-paid": [],
    "mosp-past-due": [
      ["Fabrikam Pay-As-You-Go", "due"],
      ["Fabrikam Pay-As-You-Go", "pastDue"],
      ["Fabrikam Pay-As-You-Go", "pastDue"],
    ],
  };

  it.each(Object.keys(expectedUnpaid))(
    "%s: the same invoices relative to the clock at 2027-03-01 and at 2031-08-15, and its guarantees hold",
    async (scenario) => {
      const [early, late] = [
        await create({ scenario, now: NOWS[0], seed: 7 }),
        await create({ scenario, now: NOWS[1], seed: 7 }),
      ];
      expect(early.scenario).toBe(scenario);
      expect(unpaid(early.invoices)).toEqual(expectedUnpaid[scenario]);
      expect(unpaid(late.invoices)).toEqual(expectedUnpaid[scenario]);
      expect(relative(late.invoices, late.now)).toEqual(relative(early.invoices, early.now));
      // The world's own reading agrees with what POST answered.
      expect((await invoicesOf(early.id)).body.value).toEqual(early.invoices);
      // A Due invoice is due within the next 30 days; none of a world's payments is dated after its clock.
      for (const world of [early, late]) {
        for (const invoice of world.invoices.filter((invoice) => invoice.status === "due")) {
          const ahead = Date.parse(invoice.dueDate) - Date.parse(world.now);
          expect(ahead).toBeGreaterThan(-86_400_000);
          expect(ahead).toBeLessThanOrEqual(30 * 86_400_000);
        }
        const latest = await testDb.db.payment.findFirst({
          where: { billingAccount: { worldId: world.id } },
          orderBy: { createdAt: "desc" },
        });
        if (latest) expect(latest.createdAt.getTime()).toBeLessThanOrEqual(Date.parse(world.now));
      }
    },
  );

  it("same seed, scenario and clock: identical worlds, IDs and numbers aside", async () => {
    const strip = (world: Created) => ({
      now: world.now,
      accounts: world.billingAccounts.map(({ name, agreementType, currency }) => ({ name, agreementType, currency })),
      invoices: world.invoices.map(
        ({ number, billingAccount, billingProfileId, ...rest }) => (
          void [number, billingAccount, billingProfileId],
          rest
        ),
      ),
    });
    const body = { scenario: "mca-payable", now: NOWS[1], seed: 42 };
    const [a, b] = [await create(body), await create(body)];
    expect(strip(b)).toEqual(strip(a));
    const other = await create({ ...body, seed: 43 });
    expect(strip(other).invoices).not.toEqual(strip(a).invoices);
  });

  it("mca-payable: both unpaid invoices pay with the default card; over-card-limit: wire transfer only", async () => {
    for (const now of NOWS) {
      const world = await create({ scenario: "mca-payable", now });
      const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(world, "admin").email } });
      for (const invoice of world.invoices.filter((invoice) => invoice.status !== "paid")) {
        const profile = await testDb.db.billingProfile.findUniqueOrThrow({ where: { id: invoice.billingProfileId } });
        const outcome = await payInvoice({
          userId: admin.id,
          accountId: invoice.billingAccount,
          invoiceId: invoice.number,
          idempotencyKey: randomUUID(),
          method: { kind: "saved", paymentMethodId: profile.defaultPaymentMethodId! },
        });
        expect(outcome, `${invoice.status} at ${now}`).toMatchObject({ status: "succeeded", paidInFull: true });
      }
      expect((await invoicesOf(world.id, "?status=due,pastDue")).body.value).toEqual([]);

      const over = await create({ scenario: "over-card-limit", now });
      const [invoice] = (await invoicesOf(over.id, "?status=due")).body.value;
      expect(invoice.amountDue).toEqual({ value: 72_450, currency: "USD" });
      const outcome = await payInvoice({
        userId: (await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(over, "admin").email } })).id,
        accountId: invoice.billingAccount,
        invoiceId: invoice.number,
        idempotencyKey: randomUUID(),
        method: { kind: "saved", paymentMethodId: "none" },
      });
      expect(outcome).toEqual({ status: "refused", reason: "aboveCardLimit" });
    }
  });
});

describe("invoices as objects", () => {
  it("GET …/invoices?status= filters by status (one or several); an unknown status is 400, an unknown world 404", async () => {
    const world = await create({ scenario: "default", now: NOWS[0] });
    const pastDue = (await invoicesOf(world.id, "?status=pastDue")).body.value;
    expect(pastDue.map((invoice) => invoice.billingProfileName)).toEqual([
      "Contoso Engineering",
      "Fabrikam Pay-As-You-Go",
    ]);
    expect(pastDue[0]).toMatchObject({
      billingAccountName: "Contoso Ltd",
      status: "pastDue",
      currency: "USD",
      amountDue: { value: pastDue[0].amountDueMinor / 100, currency: "USD" },
    });
    const both = (await invoicesOf(world.id, "?status=due&status=pastDue")).body.value;
    expect(both).toHaveLength(5);
    expect((await invoicesOf(world.id, "?status=late")).status).toBe(400);
    expect((await invoicesOf("0123456789ab")).status).toBe(404);
  });

  it("a clock move answers what it issued and what fell past due as objects (the old fields kept)", async () => {
    const world = await create({ scenario: "mca-payable", now: "2027-03-01T12:00:00.000Z" });
    const response = await control.clock(world.id, { body: { advanceDays: 40 } });
    await expectResponseMatches(response.clone(), "post", "/api/sim/worlds/{worldId}/clock");
    const moved = await response.json();
    // Mar 1 → Apr 10: February's invoice (issued Feb 5, due Mar 7) fell past due, and so did the ones issued on
    // Mar 5 (due Apr 4) — which of them, only the objects say.
    expect(
      moved.pastDue.map((i: WorldInvoice) => [i.billingProfileName, i.invoiceDate.slice(0, 10), i.status]),
    ).toEqual([
      ["Contoso Engineering", "2027-02-05", "pastDue"],
      ["Contoso Engineering", "2027-03-05", "pastDue"],
      ["Contoso Finance", "2027-03-05", "pastDue"],
      ["Fabrikam Pay-As-You-Go", "2027-03-05", "pastDue"],
    ]);
    expect(moved.pastDueInvoices).toEqual(moved.pastDue.map((i: WorldInvoice) => i.number));
    // Issued on Mar 5 (due Apr 4: past due by Apr 10) and on Apr 5 (due May 5), one per billing profile each.
    expect(
      moved.issuedInvoices.map((i: WorldInvoice) => [i.billingProfileName, i.invoiceDate.slice(0, 10), i.status]),
    ).toEqual([
      ["Contoso Engineering", "2027-03-05", "pastDue"],
      ["Contoso Finance", "2027-03-05", "pastDue"],
      ["Fabrikam Pay-As-You-Go", "2027-03-05", "pastDue"],
      ["Contoso Engineering", "2027-04-05", "due"],
      ["Contoso Finance", "2027-04-05", "due"],
      ["Fabrikam Pay-As-You-Go", "2027-04-05", "due"],
    ]);
    for (const issued of moved.issuedInvoices) {
      expect(issued.id).toBe(issued.number);
      expect(issued.billingProfile).toBe(issued.billingProfileName);
    }
  });
});
