// Sign-in, sessions and refusals, against a seeded throwaway database: the
// server actions, server functions and route handlers are called directly,
// with next/headers, next/navigation and next/cache faked per request.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { GET as health } from "@/app/api/health/route";
import { signIn, signOut } from "@/features/access/actions";
import { requireBillingScope } from "@/features/access/scope";
import { currentUser, requireUser, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/features/access/session";
import { payInvoiceAction } from "@/features/payments/actions";
import { markNotificationsRead } from "@/features/portal/actions";
import { catalogs } from "@/i18n/catalogs";

import { expectNoDatabaseChange, type Outcome } from "../support/db-snapshot";
import {
  cookieJar,
  HttpAccessError,
  RedirectError,
  requestHeaders,
  resetNextRequest,
  revalidatePath,
} from "../support/next-request";
// Aliased: the react-hooks lint rule takes any use* call for a React hook.
import { useTestDatabase as seededTestDatabase } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });

const PASSWORD = "Passw0rd!";
const SECRET = "integration-test-session-secret-0123456789abcdef";
const WRONG_CREDENTIALS = catalogs.en.access.signIn.wrongCredentials;

beforeAll(() => {
  // sessionSecret() would otherwise create .session-secret in the working tree.
  process.env.SESSION_SECRET = SECRET;
});
afterAll(() => {
  delete process.env.SESSION_SECRET;
});

// ---------------------------------------------------------------- helpers

function signInForm(fields: { email: string; password: string; returnTo?: string }): FormData {
  const form = new FormData();
  form.set("email", fields.email);
  form.set("password", fields.password);
  if (fields.returnTo !== undefined) form.set("returnTo", fields.returnTo);
  return form;
}

/** Signs in through the real action, as the browser would, leaving the session cookie in the jar. */
async function signInAs(email: string): Promise<void> {
  resetNextRequest();
  await expect(signIn({}, signInForm({ email, password: PASSWORD }))).rejects.toThrow(RedirectError);
  expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
}

async function userRow(email: string) {
  return testDb.db.user.findUniqueOrThrow({ where: { email } });
}

function sessionCookieValue(): string {
  const value = cookieJar.get(SESSION_COOKIE)?.value;
  if (!value) throw new Error("no session cookie");
  return value;
}

/** Flips one character in the middle of a string, keeping it the same length and alphabet. */
function flipOneCharacter(value: string, at = Math.floor(value.length / 2)): string {
  const current = value[at];
  const replacement = current === "A" ? "B" : "A";
  return value.slice(0, at) + replacement + value.slice(at + 1);
}

/**
 * Ways a cookie can be broken or forged, each built from a genuine seal of
 * admin@contoso.com. Iron seals read "Fe26.2*id*salt*iv*data*expiry*hmacSalt*hmac~2".
 */
function tamperedVariants(seal: string): Record<string, string> {
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

type Actor = "no session" | "tampered cookie" | "reader" | "other account's admin";
const ALL_ACTORS: Actor[] = ["no session", "tampered cookie", "reader", "other account's admin"];

/** Puts the browser of `actor` in the cookie jar; every actor targets the Contoso account. */
async function actAs(actor: Actor): Promise<void> {
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

type Ctx = {
  contosoAccountId: string;
  fabrikamAccountId: string;
  /** A Contoso invoice that is still payable (due or past due). */
  contosoPayableInvoiceId: string;
  users: Record<"contosoAdmin" | "contosoReader" | "fabrikamAdmin", string>;
};
let ctx: Ctx;

/**
 * Actions that must refuse an actor and leave the database as it was. Adding
 * a server action here checks it against every actor in `refusedFor` (all four
 * by default): no session, a tampered cookie, a Contoso reader and Fabrikam's
 * admin acting on Contoso. `expectRefusal` checks the kind of refusal when the
 * action has a specific one (a redirect to sign in, notFound, an error result).
 */
type GuardedAction = {
  name: string;
  refusedFor?: Actor[];
  run: (ctx: Ctx) => Promise<unknown>;
  expectRefusal?: (outcome: Outcome<unknown>, actor: Actor) => void;
};

const guardedActions: GuardedAction[] = [
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

const PAY = catalogs.en.payments;

/** The Pay now form for a card-payable Contoso invoice, paid with one of its profile's saved cards or a new card. */
async function payNowForm(ctx: Ctx, variant: "saved card" | "new card" | "partial amount"): Promise<FormData> {
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

const refusalCases = guardedActions.flatMap((action) =>
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

// ---------------------------------------------------------------- sign-in

describe("signIn", () => {
  it("refuses a wrong password and an unknown email with the same message, and sets no cookie", async () => {
    const wrongPassword = await signIn({}, signInForm({ email: "admin@contoso.com", password: "Passw0rd?" }));
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    const unknownEmail = await signIn({}, signInForm({ email: "nobody@contoso.com", password: PASSWORD }));
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);

    expect(wrongPassword.error).toBe(WRONG_CREDENTIALS);
    expect(unknownEmail.error).toBe(wrongPassword.error);
    // The typed email comes back so the form can keep it; nothing else differs.
    expect(wrongPassword).toEqual({ error: WRONG_CREDENTIALS, email: "admin@contoso.com" });
    expect(unknownEmail).toEqual({ error: WRONG_CREDENTIALS, email: "nobody@contoso.com" });
    expect(cookieJar.size).toBe(0);
  });

  it("refuses another user's password", async () => {
    // Every demo user shares the password, so use a real user with a wrong one of the right shape.
    const result = await signIn({}, signInForm({ email: "reader@contoso.com", password: PASSWORD.toLowerCase() }));
    expect(result.error).toBe(WRONG_CREDENTIALS);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it.each([
    ["an empty form", { email: "", password: "" }],
    ["a malformed email", { email: "admin", password: PASSWORD }],
    ["an empty password", { email: "admin@contoso.com", password: "" }],
    ["an oversized password", { email: "admin@contoso.com", password: "x".repeat(10_000) }],
  ])("refuses %s without a session", async (_label, fields) => {
    const result = await signIn({}, signInForm(fields));
    expect(result.error).toBe(catalogs.en.access.signIn.invalidInput);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it("with the right password sets an httpOnly, SameSite=Lax session cookie and goes to the return path", async () => {
    const returnTo = `/billing/${encodeURIComponent(ctx.contosoAccountId)}/invoices?status=due&page=2`;
    const outcome = signIn({}, signInForm({ email: "admin@contoso.com", password: PASSWORD, returnTo }));
    await expect(outcome).rejects.toThrow(RedirectError);
    await expect(outcome).rejects.toMatchObject({ url: returnTo });

    const cookie = cookieJar.get(SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(cookie!.value).not.toContain(ctx.users.contosoAdmin); // sealed, not the user id in clear
    expect(cookie!.maxAge).toBeGreaterThan(0);
    expect(cookie!.maxAge).toBeLessThanOrEqual(SESSION_TTL_SECONDS);

    expect(await currentUser()).toEqual({
      id: ctx.users.contosoAdmin,
      email: "admin@contoso.com",
      displayName: "Adele Vance",
    });
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    await expect(signIn({}, signInForm({ email: "  Admin@Contoso.COM ", password: PASSWORD }))).rejects.toThrow(
      RedirectError,
    );
    expect((await currentUser())?.email).toBe("admin@contoso.com");
  });

  it.each([
    ["no return path", undefined, "/"],
    ["a protocol-relative URL", "//evil.com/billing", "/"],
    ["an absolute URL", "https://evil.com/", "/"],
    ["a dot-segment escape", "/..//evil.com", "/"],
    ["the sign-in page itself", "/signin?returnTo=/billing", "/"],
    ["a path of this site", "/billing", "/billing"],
  ])("with %s redirects to %j", async (_label, returnTo, expected) => {
    await expect(
      signIn({}, signInForm({ email: "admin@contoso.com", password: PASSWORD, returnTo })),
    ).rejects.toMatchObject({ url: expected });
  });

  it("replaces a session of another user", async () => {
    await signInAs("reader@contoso.com");
    await expect(signIn({}, signInForm({ email: "admin@fabrikam.com", password: PASSWORD }))).rejects.toThrow(
      RedirectError,
    );
    expect((await currentUser())?.email).toBe("admin@fabrikam.com");
  });
});

// ---------------------------------------------------------------- sessions

describe("currentUser", () => {
  it("is null without a cookie", async () => {
    expect(await currentUser()).toBeNull();
  });

  it("is null, without throwing, for every kind of tampered cookie", async () => {
    await signInAs("admin@contoso.com");
    const genuine = sessionCookieValue();
    for (const [label, value] of Object.entries(tamperedVariants(genuine))) {
      resetNextRequest({ cookies: { [SESSION_COOKIE]: value } });
      await expect(currentUser(), label).resolves.toBeNull();
    }
    // The genuine cookie still works, so the variants failed for being tampered.
    resetNextRequest({ cookies: { [SESSION_COOKIE]: genuine } });
    expect((await currentUser())?.email).toBe("admin@contoso.com");
  });

  it("is null for an expired seal", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() - (SESSION_TTL_SECONDS + 60) * 1000);
      await signInAs("admin@contoso.com");
    } finally {
      vi.useRealTimers();
    }
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
    await expect(currentUser()).resolves.toBeNull();
  });

  it("is null for a seal made with another secret", async () => {
    const foreign = await sealData(
      { userId: ctx.users.contosoAdmin },
      { password: "another-portal-secret-0123456789abcdefghij", ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: foreign } });
    await expect(currentUser()).resolves.toBeNull();
  });

  it("is null for a genuine seal naming a user who does not exist", async () => {
    const orphan = await sealData({ userId: randomUUID() }, { password: SECRET, ttl: SESSION_TTL_SECONDS });
    resetNextRequest({ cookies: { [SESSION_COOKIE]: orphan } });
    await expect(currentUser()).resolves.toBeNull();
  });

  it("is the user for a genuine seal", async () => {
    const genuine = await sealData({ userId: ctx.users.contosoReader }, { password: SECRET, ttl: SESSION_TTL_SECONDS });
    resetNextRequest({ cookies: { [SESSION_COOKIE]: genuine } });
    expect((await currentUser())?.email).toBe("reader@contoso.com");
  });
});

describe("a tampered cookie does not lock the user out", () => {
  it.each(Object.keys(tamperedVariants("Fe26.2*1*a*b*c*1*d*e~2")))(
    "signIn works over a cookie with %s",
    async (label) => {
      await signInAs("admin@contoso.com");
      const forged = tamperedVariants(sessionCookieValue())[label];
      resetNextRequest({ cookies: { [SESSION_COOKIE]: forged } });
      await expect(signIn({}, signInForm({ email: "reader@contoso.com", password: PASSWORD }))).rejects.toThrow(
        RedirectError,
      );
      expect((await currentUser())?.email).toBe("reader@contoso.com");
    },
  );

  it.each(Object.keys(tamperedVariants("Fe26.2*1*a*b*c*1*d*e~2")))(
    "signOut works over a cookie with %s",
    async (label) => {
      await signInAs("admin@contoso.com");
      const forged = tamperedVariants(sessionCookieValue())[label];
      resetNextRequest({ cookies: { [SESSION_COOKIE]: forged } });
      await expect(signOut()).rejects.toMatchObject({ url: "/signin" });
      expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    },
  );
});

describe("signOut", () => {
  it("clears the session cookie and goes to the sign-in page", async () => {
    await signInAs("admin@contoso.com");
    await expect(signOut()).rejects.toMatchObject({ url: "/signin" });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    expect(await currentUser()).toBeNull();
  });

  // Review finding 5: a copied cookie used to survive sign-out for the whole TTL (8 hours).
  it("ends every copy of the cookie: the old cookie replayed after sign-out is signed out, a new sign-in works", async () => {
    await signInAs("admin@contoso.com");
    const copied = sessionCookieValue();
    const otherDevice = await sealData(
      { userId: ctx.users.contosoAdmin, sessionVersion: (await userRow("admin@contoso.com")).sessionVersion },
      { password: SECRET, ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: copied } });
    expect((await currentUser())?.email).toBe("admin@contoso.com");

    await expect(signOut()).rejects.toMatchObject({ url: "/signin" });
    // The copy is still well sealed and unexpired: only the server can refuse it.
    for (const cookie of [copied, otherDevice]) {
      resetNextRequest({ cookies: { [SESSION_COOKIE]: cookie } });
      expect(await currentUser()).toBeNull();
      await expect(requireUser()).rejects.toMatchObject({ url: "/signin" });
    }

    await signInAs("admin@contoso.com");
    expect((await currentUser())?.email).toBe("admin@contoso.com");
    expect(sessionCookieValue()).not.toBe(copied);
    // Another user's sessions are untouched.
    expect((await userRow("reader@contoso.com")).sessionVersion).toBe(0);
  });
});

describe("requireUser and requireBillingScope", () => {
  it("send a signed-out visitor to sign in, coming back to the requested page", async () => {
    const requested = `/billing/${encodeURIComponent(ctx.contosoAccountId)}/invoices?status=pastDue`;
    requestHeaders.set("x-portal-path", requested);
    await expect(requireUser()).rejects.toMatchObject({ url: `/signin?returnTo=${encodeURIComponent(requested)}` });
    await expect(requireBillingScope(ctx.contosoAccountId)).rejects.toMatchObject({
      url: `/signin?returnTo=${encodeURIComponent(requested)}`,
    });
  });

  it("do not carry a hostile path into the sign-in link", async () => {
    requestHeaders.set("x-portal-path", "//evil.com/x");
    await expect(requireUser()).rejects.toMatchObject({ url: "/signin" });
  });

  it("give the reader the Contoso scope with the reader role", async () => {
    await signInAs("reader@contoso.com");
    const scope = await requireBillingScope(ctx.contosoAccountId);
    expect(scope.role).toBe("BILLING_ACCOUNT_READER");
    expect(scope.account).toMatchObject({ id: ctx.contosoAccountId, agreementType: "MCA", currency: "USD" });
  });

  it.each([
    ["admin@fabrikam.com", () => ctx.contosoAccountId],
    ["admin@contoso.com", () => ctx.fabrikamAccountId],
    ["reader@contoso.com", () => ctx.fabrikamAccountId],
    ["admin@contoso.com", () => "no-such-account"],
  ])("answer not found to %s on an account without a role", async (email, account) => {
    await signInAs(email);
    await expect(requireBillingScope(account())).rejects.toSatisfy(
      (error) => error instanceof HttpAccessError && error.status === 404,
    );
  });
});

// ---------------------------------------------------------------- refusals

describe("guarded actions refuse and change nothing", () => {
  it.each(refusalCases)("$label", async ({ action, actor }) => {
    await actAs(actor);
    revalidatePath.mockClear();
    const outcome = await expectNoDatabaseChange(testDb.db, () => action.run(ctx));
    action.expectRefusal?.(outcome, actor);
  });
});

describe("markNotificationsRead", () => {
  it("marks only the signed-in user's own notifications read", async () => {
    await signInAs("reader@contoso.com");
    await markNotificationsRead();
    const unread = await testDb.db.notification.findMany({ where: { readAt: null }, select: { userId: true } });
    expect(unread.map((n) => n.userId).sort()).toEqual(
      [ctx.users.contosoAdmin, ctx.users.contosoAdmin, ctx.users.fabrikamAdmin, ctx.users.fabrikamAdmin].sort(),
    );
    expect(
      await testDb.db.notification.count({ where: { userId: ctx.users.contosoReader, readAt: { not: null } } }),
    ).toBe(2);
    expect(revalidatePath).toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------- health

describe("GET /api/health", () => {
  it("reports the database and its latest migration, uncached", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const latest = fs
      .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .at(-1);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migration: latest });
  });
});
