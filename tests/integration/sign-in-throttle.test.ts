// Review finding 2: sign-in had no throttle, and every guess cost a bcrypt hash. Parallel wrong passwords
// now stop at the per-account limit (the rest cost no hash), unknown emails from one address stop at the
// per-address limit, and the real user's password works again once the window has passed.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as tokenEndpoint } from "@/app/oauth2/token/route";
import { signIn } from "@/features/access/actions";
import {
  clientAddress,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
} from "@/features/access/sign-in-throttle";
import { catalogs } from "@/i18n/catalogs";

import { cookieJar, RedirectError, requestHeaders, resetNextRequest } from "../support/next-request";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const messages = catalogs.en.access.signIn;
const WINDOW_MINUTES = SIGN_IN_WINDOW_MS / 60_000;

let clock = TEST_NOW.getTime();
const setClock = (ms: number) => {
  clock = ms;
  process.env.SIM_NOW = new Date(ms).toISOString();
};
beforeAll(() => {
  process.env.SESSION_SECRET = "sign-in-throttle-test-session-secret-0123456789";
});
afterAll(() => {
  delete process.env.SESSION_SECRET;
  delete process.env.SIM_NOW;
});
// Each test starts a day after the previous one: every window has passed.
beforeEach(() => setClock(clock + 24 * 60 * 60 * 1000));

function form(email: string, password: string): FormData {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  return data;
}

/** One browser's sign-in from an address; "signedIn" when it redirected with a session cookie. */
async function attempt(email: string, password: string, address = "203.0.113.7", locale = "en") {
  resetNextRequest({ headers: { "x-forwarded-for": address, "accept-language": locale } });
  try {
    const state = await signIn({}, form(email, password));
    return state.error ?? "no error";
  } catch (error) {
    if (error instanceof RedirectError && cookieJar.has("portal_session")) return "signedIn";
    throw error;
  }
}

describe("sign-in throttle", () => {
  it("30 parallel wrong passwords for one account: at most the limit are checked, the rest are refused without a hash; the right password works again after the window", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) => attempt("admin@contoso.com", `wrong-${n}`, `198.51.100.${n}`)),
    );
    const tooMany = messages.tooManyAttempts.replace(
      "{minutes, plural, one {# minute} other {# minutes}}",
      `${WINDOW_MINUTES} minutes`,
    );
    expect(answers.filter((answer) => answer === messages.wrongCredentials)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(answers.filter((answer) => answer === tooMany)).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
    // The CPU bound: one bcrypt comparison per admitted attempt, none for the refused ones.
    expect(compare).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT);

    // The real user, from another address, with the right password: still refused until the window passes…
    expect(await attempt("admin@contoso.com", "Passw0rd!", "192.0.2.1")).toBe(tooMany);
    setClock(clock + SIGN_IN_WINDOW_MS - 60_000);
    expect(await attempt("admin@contoso.com", "Passw0rd!", "192.0.2.1")).toBe(
      messages.tooManyAttempts.replace("{minutes, plural, one {# minute} other {# minutes}}", "1 minute"),
    );
    // …then signed in; and the success clears the account's failures.
    setClock(clock + 60_000);
    expect(await attempt("admin@contoso.com", "Passw0rd!", "192.0.2.1")).toBe("signedIn");
    expect(await testDb.db.signInAttempt.count({ where: { email: "admin@contoso.com" } })).toBe(0);
    // Other accounts were never affected.
    expect(compare).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT + 1);
  });

  it("one address guessing many accounts (known or not) is stopped at the per-address limit; other addresses are not", async () => {
    const emails = Array.from({ length: MAX_FAILURES_PER_ADDRESS + 5 }, (_, n) => `nobody${n}@contoso.com`);
    const answers: string[] = [];
    for (const email of emails) answers.push(await attempt(email, "guess", "203.0.113.99"));
    expect(answers.slice(0, MAX_FAILURES_PER_ADDRESS)).toEqual(
      emails.slice(0, MAX_FAILURES_PER_ADDRESS).map(() => messages.wrongCredentials),
    );
    for (const answer of answers.slice(MAX_FAILURES_PER_ADDRESS)) expect(answer).toMatch(/^Too many sign-in attempts/);
    // A known account from that address is refused too, without revealing whether the password was right.
    expect(await attempt("reader@contoso.com", "Passw0rd!", "203.0.113.99")).toMatch(/^Too many sign-in attempts/);
    expect(await attempt("reader@contoso.com", "Passw0rd!", "203.0.113.100")).toBe("signedIn");
  });

  it("speaks French", async () => {
    for (let n = 0; n < MAX_FAILURES_PER_ACCOUNT; n++) await attempt("admin@fabrikam.com", "nope", "203.0.113.5", "fr");
    expect(await attempt("admin@fabrikam.com", "nope", "203.0.113.5", "fr")).toBe(
      `Trop de tentatives de connexion. Pour votre sécurité, réessayez dans ${WINDOW_MINUTES} minutes.`,
    );
  });

  it("the token endpoint (the HTTP path) answers 429 with Retry-After past the limit, then issues a token after the window", async () => {
    const token = (password: string) =>
      tokenEndpoint(
        new Request("http://127.0.0.1:3000/oauth2/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.50" },
          body: new URLSearchParams({ grant_type: "password", username: "reader@contoso.com", password }),
        }),
      );
    for (let n = 0; n < MAX_FAILURES_PER_ACCOUNT; n++) expect((await token(`wrong-${n}`)).status).toBe(400);
    const refused = await token("Passw0rd!");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(SIGN_IN_WINDOW_MS / 1000));
    expect(await refused.json()).toMatchObject({
      error: "temporarily_unavailable",
      error_description: `Too many sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`,
    });
    setClock(clock + SIGN_IN_WINDOW_MS);
    const issued = await token("Passw0rd!");
    expect(issued.status).toBe(200);
    expect(await issued.json()).toMatchObject({ token_type: "Bearer" });
  });

  it("reads the client address as the last X-Forwarded-For entry (the nearest hop)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(requestHeaders).toBeDefined();
  });
});
