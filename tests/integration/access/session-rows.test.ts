// Sign-in, sessions and refusals, against a seeded throwaway database (world.ts).
//
// This file: one session per browser. Sign-out ends this browser's session only; the user's other
// browsers and bearer tokens keep working. "Sign out everywhere" ends them all, tokens included.
import { describe, expect, it } from "vitest";

import { signOut, signOutEverywhere } from "@/features/access/actions";
import { bearerUser } from "@/features/access/bearer";
import { currentUser, SESSION_COOKIE } from "@/features/access/session";
import { handleTokenRequest } from "@/features/access/token-endpoint";

import { cookieJar, resetNextRequest } from "../../support/next-request";
import { PASSWORD, sessionCookieValue, signInAs, testDb, userRow } from "./world";

const EMAIL = "admin@contoso.com";

async function accessToken(): Promise<string> {
  const answer = await handleTokenRequest(
    new Request("http://portal.test/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://portal.test" },
      body: new URLSearchParams({ grant_type: "password", username: EMAIL, password: PASSWORD }),
    }),
  );
  expect(answer.status).toBe(200);
  return String(((await answer.json()) as { access_token: string }).access_token);
}

const bearerEmail = async (token: string) => {
  const check = await bearerUser(
    new Request("http://portal.test/x", { headers: { authorization: `Bearer ${token}` } }),
  );
  return check.kind === "user" ? check.user.email : check.kind;
};

async function userOf(cookie: string): Promise<string | null> {
  resetNextRequest({ cookies: { [SESSION_COOKIE]: cookie } });
  return (await currentUser())?.email ?? null;
}

/** Two browsers of one user (two sign-ins, two cookies) and a script's bearer token. */
async function twoBrowsersAndAToken() {
  await signInAs(EMAIL);
  const laptop = sessionCookieValue();
  await signInAs(EMAIL);
  const phone = sessionCookieValue();
  expect(phone).not.toBe(laptop);
  return { laptop, phone, token: await accessToken() };
}

describe("sign-out ends this browser's session only", () => {
  it("the other browser of the same user and the user's bearer token still work", async () => {
    const { laptop, phone, token } = await twoBrowsersAndAToken();
    expect(await userOf(laptop)).toBe(EMAIL);

    await expect(signOut()).rejects.toMatchObject({ url: "/signin" });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);

    // The laptop's cookie, replayed (a copy), is refused: its row is gone.
    expect(await userOf(laptop)).toBeNull();
    expect(await userOf(phone)).toBe(EMAIL);
    expect(await bearerEmail(token)).toBe(EMAIL);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user and every bearer token, and leaves other users alone", async () => {
    const { laptop, phone, token } = await twoBrowsersAndAToken();
    await signInAs("reader@contoso.com");
    const reader = sessionCookieValue();
    const versionBefore = (await userRow(EMAIL)).sessionVersion;

    resetNextRequest({ cookies: { [SESSION_COOKIE]: laptop } });
    await expect(signOutEverywhere()).rejects.toMatchObject({ url: "/signin" });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);

    expect(await userOf(laptop)).toBeNull();
    expect(await userOf(phone)).toBeNull();
    expect(await bearerEmail(token)).toBe("invalid");
    expect((await userRow(EMAIL)).sessionVersion).toBe(versionBefore + 1);
    const admin = await userRow(EMAIL);
    expect(await testDb.db.session.count({ where: { userId: admin.id } })).toBe(0);
    expect(await userOf(reader)).toBe("reader@contoso.com");
  });

  it("signed out already: only clears the cookie", async () => {
    resetNextRequest();
    await expect(signOutEverywhere()).rejects.toMatchObject({ url: "/signin" });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("session rows", () => {
  it("a row past its expiry is no session, and the next sign-in prunes it", async () => {
    await signInAs(EMAIL);
    const cookie = sessionCookieValue();
    const admin = await userRow(EMAIL);
    const expired = new Date(Date.now() - 1000);
    await testDb.db.session.updateMany({ where: { userId: admin.id }, data: { expiresAt: expired } });
    expect(await userOf(cookie)).toBeNull();

    await signInAs(EMAIL);
    expect(await testDb.db.session.count({ where: { expiresAt: { lte: expired } } })).toBe(0);
    expect(await userOf(sessionCookieValue())).toBe(EMAIL);
  });
});
