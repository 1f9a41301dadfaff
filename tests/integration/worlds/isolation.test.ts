// Worlds are apart: a payment, a card or a notification in one world never shows in another nor in the default
// demo world — through the JSON payments route, the ARM API, the pages' reads and sign-in.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import { signIn } from "@/features/access/actions";
import { loadBillingScope } from "@/features/access/scope";
import { listBillingAccounts } from "@/features/arm/accounts";
import { getInvoice } from "@/features/arm/invoices";
import { addPaymentMethodAction } from "@/features/payment-methods/method-actions";
import { payInvoice } from "@/features/payments/pay-invoice";
import { notificationsFor } from "@/features/portal/notifications";
import type { WorldView } from "@/features/worlds/world-view";

import { RedirectError, resetNextRequest } from "../../support/next-request";
import { signInAs } from "../../support/session-cookie";
import { accountOf, bearerToken, newWorld, ORIGIN, testDb, userOf } from "./world";

let a: WorldView;
let b: WorldView;
beforeAll(async () => {
  [a, b] = await Promise.all([newWorld(), newWorld()]);
});

/** The past-due invoice of Contoso Engineering in a world (null: the default demo world). */
async function pastDueInvoice(worldId: string | null) {
  return testDb.db.invoice.findFirstOrThrow({
    where: {
      billingAccount: { worldId, name: "Contoso Ltd" },
      billingProfile: { name: "Contoso Engineering" },
      voided: false,
      amountDueMinor: { gt: 0 },
      dueDate: { lt: new Date("2026-11-20") },
    },
    orderBy: { dueDate: "desc" },
    include: { billingProfile: true },
  });
}

const armGet = (path: string, token: string) =>
  new Request(`${ORIGIN}${path}${path.includes("?") ? "&" : "?"}api-version=2020-05-01`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe("a payment in one world", () => {
  it("pays that world's invoice only: the other world, the demo world and their bells see nothing", async () => {
    const invoice = await pastDueInvoice(a.id);
    const token = await bearerToken(userOf(a, "admin").email);
    const response = await paymentsRoute(
      new NextRequest(`${ORIGIN}/api/billing/x/invoices/y/payments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          idempotencyKey: randomUUID(),
          method: "saved",
          paymentMethodId: invoice.billingProfile.defaultPaymentMethodId,
        }),
      }),
      { params: Promise.resolve({ accountId: invoice.billingAccountId, invoiceId: invoice.id }) },
    );
    expect(response.status).toBe(200);
    expect(await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      amountDueMinor: 0,
    });

    for (const other of [b.id, null]) expect((await pastDueInvoice(other)).amountDueMinor).toBe(invoice.totalMinor);
    const adminA = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(a, "admin").email } });
    const adminB = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(b, "admin").email } });
    const demoAdmin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    expect((await notificationsFor(adminA.id)).map((n) => n.body)).toEqual([
      expect.stringContaining(`for invoice ${invoice.id} succeeded`),
    ]);
    expect(await notificationsFor(adminB.id)).toEqual([]);
    expect(await notificationsFor(demoAdmin.id)).toEqual([]);
  });

  it("cannot reach another world's invoice, by the payments route or the ARM API (404: it does not exist)", async () => {
    const theirs = await pastDueInvoice(b.id);
    const token = await bearerToken(userOf(a, "admin").email);
    const outcome = await payInvoice({
      userId: (await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(a, "admin").email } })).id,
      accountId: theirs.billingAccountId,
      invoiceId: theirs.id,
      idempotencyKey: randomUUID(),
      method: { kind: "saved", paymentMethodId: theirs.billingProfile.defaultPaymentMethodId! },
    });
    expect(outcome).toEqual({ status: "refused", reason: "notFound" });
    const path = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(theirs.billingAccountId)}/invoices/${theirs.id}`;
    expect((await getInvoice(armGet(path, token), theirs.billingAccountId, theirs.id)).status).toBe(404);
    expect((await getInvoice(armGet(path, token), "default", theirs.id)).status).toBe(404);
    expect((await pastDueInvoice(b.id)).amountDueMinor).toBe(theirs.totalMinor);
  });

  it("uses the world's own idempotency keys: one key sent in two worlds makes two payments", async () => {
    const key = randomUUID();
    for (const world of [a, b]) {
      const invoice = await testDb.db.invoice.findFirstOrThrow({
        where: { billingAccount: { worldId: world.id }, billingProfile: { name: "Contoso Engineering" } },
        include: { billingProfile: true },
        orderBy: { invoiceDate: "desc" },
      });
      const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(world, "admin").email } });
      const outcome = await payInvoice({
        userId: admin.id,
        accountId: invoice.billingAccountId,
        invoiceId: invoice.id,
        idempotencyKey: key,
        amountMinor: 10_00,
        method: { kind: "saved", paymentMethodId: invoice.billingProfile.defaultPaymentMethodId! },
      });
      expect(outcome.status, `world ${world.id}`).toBe("succeeded");
    }
  });
});

describe("a card saved in one world", () => {
  it("is on that world's profile only", async () => {
    const profileOf = (world: WorldView) =>
      testDb.db.billingProfile.findFirstOrThrow({
        where: { billingAccountId: accountOf(world).id, name: "Contoso Engineering" },
        include: { paymentMethods: true },
      });
    const before = await profileOf(b);
    await signInAs(testDb.db, userOf(a, "admin").email);
    const form = new FormData();
    const card = { cardNumber: "5555555555554444", expMonth: "10", expYear: "2031", cvc: "123" };
    const holder = { holderName: "World A", country: "US", postalCode: "98052" };
    for (const [name, value] of Object.entries({ accountId: accountOf(a).id, ...card, ...holder }))
      form.set(name, value);
    form.set("billingProfileId", (await profileOf(a)).id);
    expect(await addPaymentMethodAction({ status: "idle" }, form)).toMatchObject({ status: "ok" });
    expect((await profileOf(a)).paymentMethods.some((method) => method.holderName === "World A")).toBe(true);
    expect((await profileOf(b)).paymentMethods).toEqual(before.paymentMethods);
    expect(await testDb.db.paymentMethod.count({ where: { holderName: "World A" } })).toBe(1);
  });
});

describe("users of a world", () => {
  it("sign in on the normal sign-in page with the returned credentials; the demo users still sign in", async () => {
    for (const email of [userOf(a, "admin").email, userOf(a, "reader").email, "admin@contoso.com"]) {
      resetNextRequest();
      const form = new FormData();
      form.set("email", email);
      form.set("password", "Passw0rd!");
      await expect(signIn({}, form)).rejects.toBeInstanceOf(RedirectError);
    }
  });

  it("see only their world's billing accounts, in the portal's scope and in the ARM API", async () => {
    const adminA = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(a, "admin").email } });
    const demo = await testDb.db.billingAccount.findFirstOrThrow({ where: { worldId: null, name: "Contoso Ltd" } });
    expect(await loadBillingScope(adminA.id, accountOf(a).id)).not.toBeNull();
    expect(await loadBillingScope(adminA.id, accountOf(b).id)).toBeNull();
    expect(await loadBillingScope(adminA.id, demo.id)).toBeNull();

    const list = async (email: string) => {
      const response = await listBillingAccounts(
        armGet("/providers/Microsoft.Billing/billingAccounts", await bearerToken(email)),
      );
      return ((await response.json()) as { value: { name: string }[] }).value.map((account) => account.name);
    };
    expect(await list(userOf(a, "admin").email)).toEqual([accountOf(a).id]);
    expect(await list(userOf(b, "admin", "Fabrikam, Inc.").email)).toEqual([accountOf(b, "Fabrikam, Inc.").id]);
    expect(await list("admin@contoso.com")).toEqual([demo.id]);
  });
});
