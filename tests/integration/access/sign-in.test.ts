// Sign-in, sessions and refusals, against a seeded throwaway database: the
// server actions, server functions and route handlers are called directly,
// with next/headers, next/navigation and next/cache faked per request.
//
// This file: signIn: credentials, throttling, the session it leaves.

import { describe, expect, it } from "vitest";

import { signIn } from "@/features/access/actions";
import { currentUser, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/features/access/session";
import { catalogs } from "@/i18n/catalogs";

import { cookieJar, RedirectError } from "../../support/next-request";
import { ctx, PASSWORD, signInAs, signInForm, WRONG_CREDENTIALS } from "./world";

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
      worldId: null, // the default demo world
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
