// Sign-in, sessions and refusals, against a seeded throwaway database: the
// server actions, server functions and route handlers are called directly,
// with next/headers, next/navigation and next/cache faked per request.
//
// This file: sessions: currentUser, tampered cookies, signOut, requireUser and requireBillingScope.
import { randomUUID } from "node:crypto";

import { sealData, unsealData } from "iron-session";
import { describe, expect, it, vi } from "vitest";

import { signIn, signOut } from "@/features/access/actions";
import { requireBillingScope } from "@/features/access/scope";
import { currentUser, requireUser, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/features/access/session";

import {
  cookieJar,
  HttpAccessError,
  RedirectError,
  requestHeaders,
  resetNextRequest,
} from "../../support/next-request";
import { ctx, PASSWORD, SECRET, sessionCookieValue, signInAs, signInForm, tamperedVariants, userRow } from "./world";

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

  it("is null for a genuine seal naming a user or a session that does not exist", async () => {
    for (const data of [
      { userId: randomUUID(), sessionId: randomUUID() },
      { userId: ctx.users.contosoReader, sessionId: randomUUID() },
    ]) {
      const orphan = await sealData(data, { password: SECRET, ttl: SESSION_TTL_SECONDS });
      resetNextRequest({ cookies: { [SESSION_COOKIE]: orphan } });
      await expect(currentUser()).resolves.toBeNull();
    }
  });

  it("is the user for a genuine seal naming the user's session, and null for another user's session", async () => {
    await signInAs("reader@contoso.com");
    const { sessionId } = await unsealData<{ sessionId: string }>(sessionCookieValue(), { password: SECRET });
    const genuine = await sealData(
      { userId: ctx.users.contosoReader, sessionId },
      { password: SECRET, ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: genuine } });
    expect((await currentUser())?.email).toBe("reader@contoso.com");
    const borrowed = await sealData(
      { userId: ctx.users.contosoAdmin, sessionId },
      { password: SECRET, ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: borrowed } });
    await expect(currentUser()).resolves.toBeNull();
  });

  // Cookies sealed before sessions had rows (user and session version only) are refused: signed out.
  it("is null for a genuine seal of the older format, without a session ID", async () => {
    const older = await sealData(
      { userId: ctx.users.contosoReader, sessionVersion: 0 },
      { password: SECRET, ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: older } });
    await expect(currentUser()).resolves.toBeNull();
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
    resetNextRequest({ cookies: { [SESSION_COOKIE]: copied } });
    expect((await currentUser())?.email).toBe("admin@contoso.com");

    await expect(signOut()).rejects.toMatchObject({ url: "/signin" });
    // The copy is still well sealed and unexpired: only the server can refuse it.
    resetNextRequest({ cookies: { [SESSION_COOKIE]: copied } });
    expect(await currentUser()).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ url: "/signin" });

    await signInAs("admin@contoso.com");
    expect((await currentUser())?.email).toBe("admin@contoso.com");
    expect(sessionCookieValue()).not.toBe(copied);
    // Sign-out ends sessions, not the user's tokens: the session version stays.
    expect((await userRow("admin@contoso.com")).sessionVersion).toBe(0);
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
