// Forwarded headers are believed only from TRUSTED_PROXIES (src/server/forwarded.ts), on a seeded database:
// - a client's own X-Forwarded-Host did build the ARM download's Location (Microsoft's SDK then follows it
//   with the bearer token) and passed the cookie routes' Origin check;
// - a client's own X-Forwarded-For chose the address the sign-in throttle counts: 25 guesses, each with a
//   fresh header, were never throttled by address.
// Requests are made as the production server's preload leaves them: PRELOAD_MARK set in this process and
// the socket's address in PEER_HEADER. Against `next start`: tests/reliability/server/forwarded-headers.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { cookieCallRefusal } from "@/features/access/origin";
import { MAX_FAILURES_PER_ADDRESS } from "@/features/access/sign-in-throttle";
import { handleTokenRequest } from "@/features/access/token-endpoint";
import { startInvoiceDownload } from "@/features/arm/download";
import { PEER_HEADER, PRELOAD_MARK } from "@/server/trusted-proxies.mjs";

import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const ORIGIN = "http://portal.test:3000";
const PROXY = "10.0.0.2";
const CLIENT = "198.51.100.4";
const marks = globalThis as Record<symbol, unknown>;

let contosoId: string;
let adminToken: string;

function tokenRequest(username: string, password: string, headers: Record<string, string> = {}) {
  return handleTokenRequest(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ grant_type: "password", username, password }),
    }),
  );
}

beforeAll(async () => {
  process.env.SESSION_SECRET = "integration-test-session-secret-0123456789abcdef";
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  adminToken = (await (await tokenRequest("admin@contoso.com", "Passw0rd!")).json()).access_token;
});
beforeEach(() => {
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  marks[PRELOAD_MARK] = true;
});
afterAll(() => {
  delete marks[PRELOAD_MARK];
});

describe("X-Forwarded-Host and -Proto", () => {
  async function downloadLocation(headers: Record<string, string>) {
    const invoice = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: contosoId } });
    const path = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(contosoId)}/invoices/${invoice.id}/download?api-version=2020-05-01&downloadToken=DRS_${invoice.id}`;
    const answer = await startInvoiceDownload(
      new Request(`${ORIGIN}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, host: "portal.test:3000", ...headers },
      }),
      contosoId,
      invoice.id,
    );
    expect(answer.status).toBe(202);
    return new URL(answer.headers.get("location")!);
  }
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("from a client are ignored: the download's Location stays on the host the client used", async () => {
    expect((await downloadLocation({ ...forged, [PEER_HEADER]: CLIENT })).origin).toBe(ORIGIN);
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    expect((await downloadLocation({ ...forged, [PEER_HEADER]: CLIENT })).origin).toBe(ORIGIN);
    // Without the preload (next dev) the peer header is anyone's, so it proves nothing either.
    delete marks[PRELOAD_MARK];
    expect((await downloadLocation({ ...forged, [PEER_HEADER]: PROXY })).origin).toBe(ORIGIN);
  });

  it("from a trusted proxy are the public address the links must use", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    expect((await downloadLocation({ ...forged, [PEER_HEADER]: PROXY })).origin).toBe("https://evil.example");
  });

  it("from a client do not make another site's Origin ours for the cookie routes", () => {
    const call = (peer: string) =>
      cookieCallRefusal(
        new Request(`${ORIGIN}/api/billing/a/invoices/b/payments`, {
          method: "POST",
          headers: {
            host: "portal.test:3000",
            origin: "https://evil.example",
            "content-type": "application/json",
            ...forged,
            [PEER_HEADER]: peer,
          },
        }),
      );
    expect(call(CLIENT)).toBe("foreignOrigin");
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    expect(call(CLIENT)).toBe("foreignOrigin");
    expect(call(PROXY)).toBeNull();
  });
});

describe("X-Forwarded-For and the sign-in throttle", () => {
  /** 25 wrong passwords on 25 accounts, each with a fresh X-Forwarded-For: how many were throttled. */
  async function freshHeaderGuesses(peer: string, round: string): Promise<number> {
    let throttled = 0;
    for (let guess = 0; guess < 25; guess++) {
      const answer = await tokenRequest(`guess-${round}-${guess}@contoso.com`, "not-the-password", {
        "x-forwarded-for": `203.0.113.${guess + 1}`,
        [PEER_HEADER]: peer,
      });
      if (answer.status === 429) throttled++;
      else expect(answer.status).toBe(400);
    }
    return throttled;
  }

  it("counts a client talking to the server directly by its socket's address, whatever header it writes", async () => {
    expect(await freshHeaderGuesses("198.51.100.20", "direct")).toBe(25 - MAX_FAILURES_PER_ADDRESS);
  }, 60_000);

  it("counts a trusted proxy's clients by the addresses it forwards", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    expect(await freshHeaderGuesses("10.0.0.3", "proxied")).toBe(0);
  }, 60_000);
});
