// The multi-invoice ZIP's per-user limit: ZIP_DOWNLOADS_PER_WINDOW ZIPs in a minute, then 429 with
// Retry-After in the reader's language; other users keep theirs; the window runs on the real clock, so
// it passes even with SIM_NOW fixed. Called as Next calls the route handler, with real session cookies.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { GET as zipGET } from "@/app/api/billing/[accountId]/invoices/download/route";
import { SESSION_COOKIE } from "@/features/access/session";
import { resetZipTurns, ZIP_DOWNLOADS_PER_WINDOW, ZIP_WINDOW_MS } from "@/features/invoices/zip-limit";

import { resetNextRequest } from "../support/next-request";
import { sessionCookieFor } from "../support/session-cookie";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });

let contosoId: string;
let invoiceId: string;

beforeAll(async () => {
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  invoiceId = (await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: contosoId } })).id;
});
beforeEach(() => {
  vi.stubEnv("SESSION_SECRET", "integration-test-session-secret-0123456789");
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  resetNextRequest();
  resetZipTurns();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A ZIP of one invoice asked for with this session cookie (the body read, as a browser would). */
async function zip(cookie: string, query = `?invoice=${invoiceId}`) {
  resetNextRequest({ cookies: { [SESSION_COOKIE]: cookie } });
  const url = `http://127.0.0.1/api/billing/${encodeURIComponent(contosoId)}/invoices/download${query}`;
  const response = await zipGET(new NextRequest(url), {
    params: Promise.resolve({ accountId: encodeURIComponent(contosoId) }),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, json: () => JSON.parse(new TextDecoder().decode(body)) };
}

describe("the ZIP download limit per user", () => {
  it("answers 429 with Retry-After past the limit; the reader is not affected; real time lifts it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const admin = await sessionCookieFor(testDb.db, "admin@contoso.com");
    const reader = await sessionCookieFor(testDb.db, "reader@contoso.com");
    for (let i = 0; i < ZIP_DOWNLOADS_PER_WINDOW; i++) expect((await zip(admin)).status).toBe(200);

    const refused = await zip(admin);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(ZIP_WINDOW_MS / 1000);
    expect(refused.json()).toEqual({
      error: {
        code: "tooManyRequests",
        message: `You have downloaded many invoice files in a short time. Try again in ${retryAfter} seconds.`,
      },
    });
    // A refused selection is no ZIP: it is answered 400 as ever.
    expect((await zip(admin, "?invoice=../x")).status).toBe(400);
    expect((await zip(reader)).status).toBe(200);

    // SIM_NOW stays where it is; the real clock moves past the window, and the admin may download again.
    vi.setSystemTime(Date.now() + retryAfter * 1000);
    expect((await zip(admin)).status).toBe(200);
  });
});
