// The access integration tests' world: a seeded throwaway database (one per test file), sessions and tampered cookies, the actors and guarded actions of the refusal cases.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, expect } from "vitest";

import { signIn } from "@/features/access/actions";
import { SESSION_COOKIE } from "@/features/access/session";
import { payInvoiceAction } from "@/features/payments/actions";
import { markNotificationsRead } from "@/features/portal/actions";
import { catalogs } from "@/i18n/catalogs";

import { type Outcome } from "../../support/db-snapshot";
import { cookieJar, RedirectError, resetNextRequest, revalidatePath } from "../../support/next-request";
// Aliased: the react-hooks lint rule takes any use* call for a React hook.
import { useTestDatabase as seededTestDatabase } from "../../support/test-db";

export const testDb = seededTestDatabase({ seed: true });

export const PASSWORD = "Passw0rd!";
export const SECRET = "integration-test-session-secret-0123456789abcdef";
export const WRONG_CREDENTIALS = catalogs.en.access.signIn.wrongCredentials;

beforeAll(() => {
  // sessionSecret() would otherwise create .session-secret in the working tree.
  process.env.SESSION_SECRET = SECRET;
});
afterAll(() => {
  delete process.env.SESSION_SECRET;
});

// ---------------------------------------------------------------- helpers

export function signInForm(fields: { email: string; password: string; returnTo?: string }): FormData {
  const form = new FormData();
  form.set("email", fields.email);
  form.set("password", fields.password);
  if (fields.returnTo !== undefined) form.set("returnTo", fields.returnTo);
  return form;
}

/** Signs in through the real action, as the browser would, leaving the session cookie in the jar. */
export async function signInAs(email: string): Promise<void> {
  resetNextRequest();
  await expect(signIn({}, signInForm({ email, password: PASSWORD }))).rejects.toThrow(RedirectError);
  expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
}

export async function userRow(email: string) {
  return testDb.db.user.findUniqueOrThrow({ where: { email } });
}

export function sessionCookieValue(): string {
  const value = cookieJar.get(SESSION_COOKIE)?.value;
  if (!value) throw new Error("no session cookie");
  return value;
}

/** Flips one character in the middle of a string, keeping it the same length and alphabet. */
export function flipOneCharacter(value: string, at = Math.floor(value.length / 2)): string {
  const current = value[at];
  const replacement = current === "A" ? "B" : "A";
  return value.slice(0, at) + replacement + value.slice(at + 1);
}

/**
 * Ways a cookie can be broken or forged, each built from a genuine seal of
 * admin@contoso.com. Iron seals read "Fe26.2*id*salt*iv*data*expiry*hmacSalt*hmac~2".
 */
export function tamperedVariants(seal: string): Record<string, string> {
  const parts = seal.split("~")[0].split("*");
  const withPart = (index: number, value: string) =>
    parts.map((part, i) => (i === index ? value : part)).join("*") + "~2";
  return {
    "one character of the encrypted data flipped": withPart(4, flipOneCharacter(parts[4])),
    "one character of the MAC flipped": withPart(7, flipOneCharacter(parts[7])),
    "the expiry pushed into the future": withPart(5, String(Date.now() + 365 * 86_400_000)),
    "the expiry removed": withPart(5, ""),
    "a wrong seal prefix": withPart(0, "Fe26.1"),
    "an unknown password id": withPart(1, "7"),
    truncated: seal.slice(0, Math.floor(seal.length / 2)),
    "extra components": seal.split("~")[0] + "*x*y~2",
    garbage: "not-a-seal",
    "a JSON session in clear": JSON.stringify({ userId: "anything" }),
    "empty components": "*******~2",
  };
}

export type Actor = "no session" | "tampered cookie" | "reader" | "other account's admin";
export const ALL_ACTORS: Actor[] = ["no session", "tampered cookie", "reader", "other account's admin"];

/** Puts the browser of `actor` in the cookie jar; every actor targets the Contoso account. */
export async function actAs(actor: Actor): Promise<void> {
  switch (actor) {
    case "no session":
      resetNextRequest();
      return;
    case "tampered cookie": {
      await signInAs("admin@contoso.com");
      const forged = flipOneCharacter(sessionCookieValue());
      resetNextRequest({ cookies: { [SESSION_COOKIE]: forged } });
      return;
    }
    case "reader":
      return signInAs("reader@contoso.com");
    case "other account's admin":
      return signInAs("admin@fabrikam.com");
  }
}

export type Ctx = {
  contosoAccountId: string;
  fabrikamAccountId: string;
  /** A Contoso invoice that is still payable (due or past due). */
  contosoPayableInvoiceId: string;
  users: Record<"contosoAdmin" | "contosoReader" | "fabrikamAdmin", string>;
};
export let ctx: Ctx;

/**
 * Actions that must refuse an actor and leave the database as it was. Adding
 * a server action here checks it against every actor in `refusedFor` (all four
 * by default): no session, a tampered cookie, a Contoso reader and Fabrikam's
 * admin acting on Contoso. `expectRefusal` checks the kind of refusal when the
 * action has a specific one (a redirect to sign in, notFound, an error result).
 */
export type GuardedAction = {
  name: string;
  refusedFor?: Actor[];
  run: (ctx: Ctx) => Promise<unknown>;
  expectRefusal?: (outcome: Outcome<unknown>, actor: Actor) => void;
};

export const guardedActions: GuardedAction[] = [
  {
    // About the user's own notifications, so only an anonymous caller is refused.
    name: "markNotificationsRead",
    refusedFor: ["no session", "tampered cookie"],
    run: () => markNotificationsRead(),
    expectRefusal: (outcome) => {
      expect(outcome.ok).toBe(true);
      expect(revalidatePath).not.toHaveBeenCalled();
    },
  },
  // Pay now, with each way of paying: every actor is refused before anything is written or charged.
  ...(["saved card", "new card", "partial amount"] as const).map((variant): GuardedAction => ({
    name: `payInvoiceAction (${variant})`,
    run: async (ctx) => payInvoiceAction({ status: "idle", nextKey: randomUUID() }, await payNowForm(ctx, variant)),
    expectRefusal: (outcome, actor) => {
      expect(outcome.ok, String(outcome.error)).toBe(true);
      const expected = {
        "no session": PAY.errors.signedOut,
        "tampered cookie": PAY.errors.signedOut,
        reader: PAY.refusals.notAdmin,
        "other account's admin": PAY.refusals.notFound,
      }[actor];
      expect(outcome.value).toMatchObject({ status: "error", message: expected });
    },
  })),
];

export const PAY = catalogs.en.payments;

/** The Pay now form for a card-payable Contoso invoice, paid with one of its profile's saved cards or a new card. */
export async function payNowForm(ctx: Ctx, variant: "saved card" | "new card" | "partial amount"): Promise<FormData> {
  const invoice = await testDb.db.invoice.findFirstOrThrow({
    where: {
      billingAccountId: ctx.contosoAccountId,
      voided: false,
      amountDueMinor: { gt: 0, lte: 50_000_00 },
      billingProfile: { paymentMethods: { some: {} } },
    },
    orderBy: { invoiceDate: "desc" },
  });
  const card = await testDb.db.paymentMethod.findFirstOrThrow({
    where: { billingProfileId: invoice.billingProfileId, brand: "visa", last4: "4242" },
  });
  const form = new FormData();
  const fields: Record<string, string> = {
    accountId: ctx.contosoAccountId,
    invoiceId: invoice.id,
    idempotencyKey: randomUUID(),
  };
  if (variant === "saved card") Object.assign(fields, { method: "saved", paymentMethodId: card.id });
  else
    Object.assign(fields, {
      method: "new",
      cardNumber: "4242 4242 4242 4242",
      expMonth: "12",
      expYear: "2030",
      cvc: "123",
      holderName: "Adele Vance",
      country: "US",
      postalCode: "98052",
    });
  if (variant === "partial amount") fields.amount = "10.00";
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

export const refusalCases = guardedActions.flatMap((action) =>
  (action.refusedFor ?? ALL_ACTORS).map((actor) => ({ label: `${action.name} × ${actor}`, action, actor })),
);

beforeAll(async () => {
  const db = testDb.db;
  const accounts = await db.billingAccount.findMany({ select: { id: true, name: true } });
  const accountId = (name: string) => accounts.find((account) => account.name.startsWith(name))!.id;
  const users = await db.user.findMany({ select: { id: true, email: true } });
  const userId = (email: string) => users.find((user) => user.email === email)!.id;
  const payable = await db.invoice.findFirstOrThrow({
    where: { billingAccountId: accountId("Contoso"), voided: false, amountDueMinor: { gt: 0 } },
    orderBy: { invoiceDate: "desc" },
  });
  ctx = {
    contosoAccountId: accountId("Contoso"),
    fabrikamAccountId: accountId("Fabrikam"),
    contosoPayableInvoiceId: payable.id,
    users: {
      contosoAdmin: userId("admin@contoso.com"),
      contosoReader: userId("reader@contoso.com"),
      fabrikamAdmin: userId("admin@fabrikam.com"),
    },
  };
  // Unread notifications for everyone, so "marked nothing read" means something.
  const createdAt = new Date("2026-11-19T12:00:00Z");
  await db.notification.createMany({
    data: Object.values(ctx.users).flatMap((id) =>
      [1, 2].map((n) => ({ id: `n-${id}-${n}`, userId: id, kind: "PAYMENT_SUCCEEDED", params: "{}", createdAt })),
    ),
  });
});
