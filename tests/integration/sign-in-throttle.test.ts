// The sign-in throttle: guessing is slowed down, and nobody can lock the owner out. The hard limit is per
// (account, client address) and per address; across addresses the account gets a growing delay, not a
// refusal; an address or browser that signed in before keeps working. Time is the real time (the file's
// Date is faked and moved; SIM_NOW stays fixed throughout, and changes nothing). Expired rows are pruned.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as tokenEndpoint } from "@/app/oauth2/token/route";
import { signIn } from "@/features/access/actions";
import { DEVICE_COOKIE } from "@/features/access/known-device";
import {
  beginSignInAttempt,
  KNOWN_ADDRESS_MS,
  MAX_FAILURES_PER_ACCOUNT_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  sweepExpiredSignInRows,
} from "@/features/access/sign-in-throttle";
import { catalogs } from "@/i18n/catalogs";
import { PEER_HEADER, PRELOAD_MARK } from "@/server/trusted-proxies.mjs";

import { cookieJar, RedirectError, resetNextRequest } from "../support/next-request";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

// Every password check, counted through the real library (the CPU bound: refused attempts cost none).
const hashes = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/server/password-pool", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/password-pool")>();
  return {
    ...real,
    verifyOffThread: (...args: Parameters<typeof real.verifyOffThread>) => {
      hashes.calls++;
      return real.verifyOffThread(...args);
    },
  };
});
const testDb = useTestDatabase({ seed: true });
const messages = catalogs.en.access.signIn;
const WINDOW_MINUTES = SIGN_IN_WINDOW_MS / 60_000;
const DAY = 24 * 60 * 60 * 1000;
const tooManyMinutes = (minutes: number) =>
  messages.tooManyAttempts.replace(
    "{minutes, plural, one {# minute} other {# minutes}}",
    minutes === 1 ? "1 minute" : `${minutes} minutes`,
  );

const globals = globalThis as Record<symbol, unknown>;
let realTime = Date.now();
beforeAll(() => {
  process.env.SESSION_SECRET = "sign-in-throttle-test-session-secret-0123456789";
  // The simulator's clock stands still for the whole file: the throttle must not care.
  process.env.SIM_NOW = TEST_NOW.toISOString();
  // As under the production server's preload: the socket's address is known (PEER_HEADER).
  globals[PRELOAD_MARK] = true;
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(() => {
  vi.useRealTimers();
  delete globals[PRELOAD_MARK];
  delete process.env.SESSION_SECRET;
  delete process.env.SIM_NOW;
});
// Each test starts a day (of real time) after the previous one: every window has passed.
const moveRealTime = (ms: number) => vi.setSystemTime((realTime += ms));
beforeEach(() => {
  moveRealTime(DAY);
  hashes.calls = 0;
});

function form(email: string, password: string): FormData {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  return data;
}

/** A sign-in from an address, by a browser with the given cookies; "signedIn" when it redirected with a session. */
async function attempt(
  email: string,
  password: string,
  { address = "203.0.113.7", locale = "en", browser = {} as Record<string, string> } = {},
) {
  resetNextRequest({ headers: { [PEER_HEADER]: address, "accept-language": locale }, cookies: browser });
  try {
    const state = await signIn({}, form(email, password));
    return state.error ?? "no error";
  } catch (error) {
    if (error instanceof RedirectError && cookieJar.has("portal_session")) return "signedIn";
    throw error;
  }
}

/** Five wrong passwords from `address`: its (account, address) pair is then locked. */
async function exhaust(email: string, address: string) {
  for (let n = 0; n < MAX_FAILURES_PER_ACCOUNT_ADDRESS; n++)
    expect(await attempt(email, `wrong-${n}`, { address })).toBe(messages.wrongCredentials);
}

describe("the hard limit is per account and client address", () => {
  it("30 parallel wrong passwords from one address: 5 are checked, 25 refused without a hash; the owner elsewhere is not", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) => attempt("admin@contoso.com", `wrong-${n}`, { address: "198.51.100.9" })),
    );
    expect(answers.filter((answer) => answer === messages.wrongCredentials)).toHaveLength(5);
    expect(answers.filter((answer) => answer === tooManyMinutes(WINDOW_MINUTES))).toHaveLength(25);
    expect(hashes.calls).toBe(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    // That address stays locked out, even with the right password…
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: "198.51.100.9" })).toBe(
      tooManyMinutes(WINDOW_MINUTES),
    );
    // …and the owner, from an address the account has never seen, gets in (after a delay of seconds).
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: "192.0.2.1" })).toBe("signedIn");
    // The owner's success leaves the guesser's failures counted.
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: "198.51.100.9" })).toBe(
      tooManyMinutes(WINDOW_MINUTES),
    );
  });

  it("with SIM_NOW fixed, the lockout lifts once the window has passed in real time", async () => {
    await exhaust("admin@fabrikam.com", "198.51.100.20");
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: "198.51.100.20" })).toBe(
      tooManyMinutes(WINDOW_MINUTES),
    );
    moveRealTime(SIGN_IN_WINDOW_MS - 60_000);
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: "198.51.100.20" })).toBe(tooManyMinutes(1));
    moveRealTime(60_000);
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: "198.51.100.20" })).toBe("signedIn");
  });

  it("the owner from an address the account signed in from before gets in at once, by form or token endpoint, while another address is locked out", async () => {
    expect(await attempt("reader@contoso.com", "Passw0rd!", { address: "192.0.2.30" })).toBe("signedIn");
    await exhaust("reader@contoso.com", "198.51.100.30");
    expect(await attempt("reader@contoso.com", "Passw0rd!", { address: "198.51.100.30" })).toMatch(/^Too many/);
    // The account-wide delay is for places the account does not know: none here.
    const known = await beginSignInAttempt("reader@contoso.com", { address: "192.0.2.30", device: null });
    expect(known).toMatchObject({ admitted: true, waitMs: 0 });
    const stranger = await beginSignInAttempt("reader@contoso.com", { address: "192.0.2.31", device: null });
    expect(stranger).toMatchObject({ admitted: true, waitMs: 1_000 });
    expect(await attempt("reader@contoso.com", "Passw0rd!", { address: "192.0.2.30" })).toBe("signedIn");
    const token = await tokenRequest("reader@contoso.com", "Passw0rd!", "192.0.2.30");
    expect(token.status).toBe(200);
  });

  it("a browser that signed in before (its known-device cookie) gets in even from the guesser's own address", async () => {
    const shared = "203.0.113.40"; // a classroom's one public address
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: shared })).toBe("signedIn");
    const device = cookieJar.get(DEVICE_COOKIE);
    expect(device).toMatchObject({ httpOnly: true, sameSite: "lax" });
    await exhaust("admin@contoso.com", shared);
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: shared })).toMatch(/^Too many/);
    const owner = { [DEVICE_COOKIE]: device!.value };
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: shared, browser: owner })).toBe("signedIn");
    // A forged or foreign cookie is no known device.
    const forged = { [DEVICE_COOKIE]: device!.value.replace(/.{4}(?=~2$)/, "AAAA") };
    expect(await attempt("admin@contoso.com", "Passw0rd!", { address: shared, browser: forged })).toMatch(/^Too many/);
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: shared, browser: owner })).not.toMatch(
      /^Too many/,
    );
  });

  it("one address guessing many accounts stops at the per-address limit, except for accounts it signed in to before", async () => {
    const address = "203.0.113.99";
    expect(await attempt("reader@contoso.com", "Passw0rd!", { address })).toBe("signedIn");
    const emails = Array.from({ length: MAX_FAILURES_PER_ADDRESS + 3 }, (_, n) => `nobody${n}@contoso.com`);
    const answers: string[] = [];
    for (const email of emails) answers.push(await attempt(email, "guess", { address }));
    expect(answers.slice(0, MAX_FAILURES_PER_ADDRESS).every((a) => a === messages.wrongCredentials)).toBe(true);
    for (const answer of answers.slice(MAX_FAILURES_PER_ADDRESS)) expect(answer).toMatch(/^Too many sign-in attempts/);
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address })).toMatch(/^Too many sign-in attempts/);
    expect(await attempt("reader@contoso.com", "Passw0rd!", { address })).toBe("signedIn");
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: "203.0.113.100" })).toBe("signedIn");
  });
});

describe("across addresses, a growing delay", () => {
  it("past 5 failures, attempts from unknown places take turns 0.5, 1, 2, 4 s apart (at most 4 s); a flood is told to come back in seconds", async () => {
    const email = "nobody-delay@contoso.com";
    const at = Date.now();
    const from = (n: number, when = at) =>
      beginSignInAttempt(email, { address: `198.51.100.${n}`, device: null }, when);
    for (let n = 0; n < 5; n++) expect(await from(n)).toMatchObject({ admitted: true, waitMs: 0 });
    expect(await from(5)).toMatchObject({ admitted: true, waitMs: 500 });
    expect(await from(6)).toMatchObject({ admitted: true, waitMs: 1_500 });
    expect(await from(7)).toMatchObject({ admitted: true, waitMs: 3_500 });
    expect(await from(8)).toMatchObject({ admitted: true, waitMs: 7_500 });
    // The next turn would be 11.5 s away: more than 8 s, so it is refused, to come back when it is within 8 s.
    expect(await from(9)).toEqual({ admitted: false, retryAfterSeconds: 4 });
    expect(await from(10, at + 4_000)).toMatchObject({ admitted: true, waitMs: 7_500 });
  });

  it("the owner's right password from a new address still gets in, after the delay", async () => {
    for (let n = 0; n < 5; n++)
      expect(await attempt("admin@fabrikam.com", "nope", { address: `198.51.100.${60 + n}` })).toBe(
        messages.wrongCredentials,
      );
    const started = performance.now();
    expect(await attempt("admin@fabrikam.com", "Passw0rd!", { address: "192.0.2.60" })).toBe("signedIn");
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe("expired rows are pruned", () => {
  it("an attempt deletes its email's and address's expired rows; the sweep deletes the rest and old known addresses", async () => {
    // A sweep now: the next is not due for a minute, so the attempt below prunes only its own rows.
    await sweepExpiredSignInRows(Date.now(), true);
    const old = new Date(Date.now() - SIGN_IN_WINDOW_MS - 1_000);
    await testDb.db.signInAttempt.createMany({
      data: [
        { id: "old-1", email: "prune@contoso.com", address: "198.51.100.70", createdAt: old },
        { id: "old-2", email: "other@contoso.com", address: "198.51.100.70", createdAt: old },
        { id: "old-3", email: "prune@contoso.com", address: "198.51.100.71", createdAt: old },
        { id: "old-4", email: "elsewhere@contoso.com", address: "198.51.100.72", createdAt: old },
      ],
    });
    await testDb.db.knownSignInAddress.createMany({
      data: [
        { email: "prune@contoso.com", address: "a", lastSignedInAt: new Date(Date.now() - KNOWN_ADDRESS_MS - 1) },
        { email: "prune@contoso.com", address: "b", lastSignedInAt: new Date(Date.now() - DAY) },
      ],
    });
    await beginSignInAttempt("prune@contoso.com", { address: "198.51.100.70", device: null });
    const left = async () => (await testDb.db.signInAttempt.findMany({ where: { id: { startsWith: "old-" } } })).length;
    expect(await left()).toBe(1); // old-4: neither this email nor this address
    await sweepExpiredSignInRows(Date.now() + 30_000);
    expect(await left()).toBe(1); // a sweep at most once a minute
    await sweepExpiredSignInRows(Date.now() + 60_000);
    expect(await left()).toBe(0);
    expect(await testDb.db.knownSignInAddress.findMany({ where: { email: "prune@contoso.com" } })).toEqual([
      expect.objectContaining({ address: "b" }),
    ]);
  });
});

function tokenRequest(username: string, password: string, address: string) {
  return tokenEndpoint(
    new Request("http://127.0.0.1:3000/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", [PEER_HEADER]: address },
      body: new URLSearchParams({ grant_type: "password", username, password }),
    }),
  );
}

describe("the token endpoint and French", () => {
  it("the token endpoint answers 429 with Retry-After at the limit, then a token once the window has passed", async () => {
    for (let n = 0; n < 5; n++)
      expect((await tokenRequest("reader@contoso.com", `w${n}`, "203.0.113.50")).status).toBe(400);
    const refused = await tokenRequest("reader@contoso.com", "Passw0rd!", "203.0.113.50");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(SIGN_IN_WINDOW_MS / 1000));
    expect(await refused.json()).toMatchObject({
      error: "temporarily_unavailable",
      error_description: `Too many sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`,
    });
    moveRealTime(SIGN_IN_WINDOW_MS);
    const issued = await tokenRequest("reader@contoso.com", "Passw0rd!", "203.0.113.50");
    expect(issued.status).toBe(200);
  });

  it("speaks French", async () => {
    for (let n = 0; n < 5; n++) await attempt("admin@fabrikam.com", "nope", { address: "203.0.113.5", locale: "fr" });
    expect(await attempt("admin@fabrikam.com", "nope", { address: "203.0.113.5", locale: "fr" })).toBe(
      `Trop de tentatives de connexion. Pour votre sécurité, réessayez dans ${WINDOW_MINUTES} minutes.`,
    );
  });
});
