// Forwarded headers, the Origin rule and body limits against `next start` (launched with the production Node
// flags, so with the forwarded-headers preload, scripts/forwarded-headers.mjs):
// - without TRUSTED_PROXIES, 25 wrong passwords each with a fresh X-Forwarded-For are counted as what they
//   are, one address (they were never throttled), and a client's X-Forwarded-Host does not become the ARM
//   download's Location; with TRUSTED_PROXIES naming the loopback "proxy" both are believed;
// - a server action posted with no Origin is refused 403 (it used to run), as with a foreign one;
// - a 10 MB body to /oauth2/token is refused 413, declared or chunked, and eight at once leave the server's
//   memory about as it was (Next.js buffered up to 10 MB of each).
//
// Run: npx vitest run --config vitest.reliability.config.ts tests/reliability/server/forwarded-headers.test.ts

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_FAILURES_PER_ADDRESS } from "@/features/access/sign-in-throttle";

import { PASSWORD, tokenFor } from "../support/arm";
import { reliabilityDatabase, removeReliabilityDatabase } from "../support/databases";
import { Figures, tally } from "../support/figures";
import { addFixtures, type World } from "../support/fixtures";
import { http, type Answer } from "../support/http";
import { treeRssMb } from "../support/process-tree";
import { runDbSetup, startServer, stopAllServers, type Server } from "../support/server";

const figures = new Figures("forwarded-headers");
const dbFile = reliabilityDatabase("forwarded-headers");
const TOO_MANY = />Too many sign-in attempts/;
const GUESSES = 25;
let world: World;

beforeAll(async () => {
  runDbSetup(dbFile);
  world = await addFixtures(dbFile);
}, 240_000);

afterAll(async () => {
  await stopAllServers();
  figures.write();
  if (process.env.KEEP_TEST_DB !== "1") await removeReliabilityDatabase(dbFile);
});

/** The sign-in form as a browser posts it (the server action's hidden fields from the page, then ours). */
async function signInForm(server: Server, email: string, password: string, headers: Record<string, string> = {}) {
  const page = await http(server.url, "/signin");
  const form = new FormData();
  for (const match of page.text.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
    form.append(match[1], (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  form.append("email", email);
  form.append("password", password);
  return {
    form,
    post: (extra: Parameters<typeof http>[2] = {}) => http(server.url, "/signin", { body: form, headers, ...extra }),
  };
}

/** GUESSES wrong passwords, one after another, on as many accounts, each with a fresh X-Forwarded-For. */
async function freshHeaderGuesses(server: Server, round: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let guess = 0; guess < GUESSES; guess++) {
    const attempt = await signInForm(server, `nobody-${round}-${guess}@contoso.com`, "not-the-password", {
      "x-forwarded-for": `203.0.113.${guess + 1}`,
    });
    answers.push(await attempt.post());
  }
  return answers;
}

async function downloadLocation(server: Server, token: string, headers: Record<string, string>) {
  const { accountId, payable } = world.contoso;
  const invoiceId = payable[0];
  const path = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(accountId)}/invoices/${encodeURIComponent(invoiceId)}/download?api-version=2020-05-01&downloadToken=DRS_${invoiceId}`;
  const answer = await http(server.url, path, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  expect(answer.status, answer.text).toBe(202);
  return new URL(answer.headers.get("location")!);
}

describe("a server with no TRUSTED_PROXIES (the default)", () => {
  let server: Server;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ label: "forwarded-untrusted", dbFile });
    token = await tokenFor(server.url, "admin@contoso.com");
  }, 240_000);
  afterAll(() => server.stop());

  it("builds the download's Location from Host, never from a client's X-Forwarded-Host", async () => {
    const location = await downloadLocation(server, token, {
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(location.origin).toBe(server.url);
    figures.set("untrusted.downloadLocationOrigin", location.origin);
  });

  it("refuses a server action posted with no Origin (403), as with a foreign one; our Origin or Sec-Fetch-Site: same-origin signs in", async () => {
    const answers = {
      none: await (await signInForm(server, "admin@contoso.com", "Passw0rd!")).post({ origin: null }),
      foreign: await (
        await signInForm(server, "admin@contoso.com", "Passw0rd!", { origin: "https://evil.example" })
      ).post(),
      ours: await (await signInForm(server, "admin@contoso.com", "Passw0rd!")).post(),
      fetchMetadata: await (
        await signInForm(server, "admin@contoso.com", "Passw0rd!", { "sec-fetch-site": "same-origin" })
      ).post({ origin: null }),
    };
    expect(answers.none.status).toBe(403);
    expect(answers.none.text).toBe("Cross-site request refused.");
    expect(answers.none.headers.getSetCookie().some((cookie) => cookie.includes("portal_session="))).toBe(false);
    expect(answers.foreign.status).toBe(403);
    expect(answers.ours.status).toBe(303);
    expect(answers.fetchMetadata.status).toBe(303);
    figures.set("untrusted.signInByOrigin", Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status])));
  });

  it("refuses a 10 MB token request with 413, declared or chunked; eight at once leave memory about as it was", async () => {
    const tenMb = Buffer.alloc(10 * 1024 * 1024, "a");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const declared = await http(server.url, "/oauth2/token", { method: "POST", headers: form, body: tenMb });
    expect(declared.status).toBe(413);
    const chunked = await fetch(`${server.url}/oauth2/token`, {
      method: "POST",
      headers: form,
      body: new Blob([tenMb]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.arrayBuffer();

    const before = treeRssMb(server.process.pid!);
    const eight = await Promise.all(
      Array.from({ length: 8 }, () =>
        http(server.url, "/oauth2/token", { method: "POST", headers: form, body: tenMb }),
      ),
    );
    const after = treeRssMb(server.process.pid!);
    expect(tally(eight.map((answer) => answer.status))).toBe("413×8");
    // Next.js now buffers at most 2 MB of each (next.config.ts); it held up to 10 MB of each: ~80 MB for eight.
    expect(after - before).toBeLessThan(48);
    figures.set("untrusted.eightTenMbTokenRequests", { answers: "413×8", rssBeforeMb: before, rssAfterMb: after });
  }, 120_000);

  it(`counts ${GUESSES} wrong passwords with a fresh X-Forwarded-For each as one address: the ones past ${MAX_FAILURES_PER_ADDRESS} are throttled`, async () => {
    const answers = await freshHeaderGuesses(server, "direct");
    const throttled = answers.filter((answer) => TOO_MANY.test(answer.text)).length;
    expect(throttled).toBeGreaterThanOrEqual(GUESSES - MAX_FAILURES_PER_ADDRESS);
    figures.set("untrusted.freshHeaderGuesses", { guesses: GUESSES, throttled });
  }, 180_000);
});

describe("a server behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1,::1)", () => {
  let server: Server;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ label: "forwarded-trusted", dbFile, env: { TRUSTED_PROXIES: "127.0.0.1,::1" } });
    // From a client of the proxy: loopback itself has the other server's guesses against it (same database).
    const answer = await http(server.url, "/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.50" },
      body: new URLSearchParams({
        grant_type: "password",
        username: "admin@contoso.com",
        password: PASSWORD,
      }).toString(),
    });
    expect(answer.status, answer.text).toBe(200);
    token = String(answer.json().access_token);
  }, 240_000);
  afterAll(() => server.stop());

  it("builds the download's Location from the proxy's X-Forwarded-Host and -Proto", async () => {
    const location = await downloadLocation(server, token, {
      "x-forwarded-host": "portal.example",
      "x-forwarded-proto": "https",
    });
    expect(location.origin).toBe("https://portal.example");
  });

  it(`counts the proxy's clients by the addresses it forwards: ${GUESSES} from ${GUESSES} addresses, none throttled`, async () => {
    const answers = await freshHeaderGuesses(server, "proxied");
    const throttled = answers.filter((answer) => TOO_MANY.test(answer.text)).length;
    expect(throttled).toBe(0);
    figures.set("trusted.freshHeaderGuesses", { guesses: GUESSES, throttled });
  }, 180_000);
});
