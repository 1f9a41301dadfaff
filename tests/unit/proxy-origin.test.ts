// src/proxy.ts called directly: a write to a page (form post, server action) must prove it comes from the
// portal's own pages — our Origin, or no Origin with Sec-Fetch-Site: same-origin. A missing Origin used to pass
// (Next.js lets it through); a foreign one, or one that only matches a client's own X-Forwarded-Host, is refused.
// Routes that take bearer tokens (/providers/, /oauth2/) and the JSON routes under /api/ answer for themselves.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { proxy } from "@/proxy";
import { PEER_HEADER, PRELOAD_MARK } from "@/server/trusted-proxies.mjs";

const SITE = "http://127.0.0.1:3000";
const marks = globalThis as Record<symbol, unknown>;

afterEach(() => {
  delete marks[PRELOAD_MARK];
  vi.unstubAllEnvs();
});

function send(path: string, method: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${SITE}${path}`, {
    method,
    headers: { host: "127.0.0.1:3000", ...headers },
    body: method === "GET" || method === "HEAD" ? undefined : "[]",
  });
  return proxy(request);
}
const refused = async (response: Response) =>
  response.status === 403 && (await response.text()) === "Cross-site request refused.";

describe("writes to pages and server actions", () => {
  it("refuses a POST with no Origin and no Sec-Fetch-Site, as it refuses a foreign one", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"])
      expect(await refused(send("/signin", method, { "next-action": "00ab" })), method).toBe(true);
    expect(await refused(send("/billing", "POST", { origin: "https://evil.example" }))).toBe(true);
    expect(await refused(send("/billing", "POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(await refused(send("/billing", "POST", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(await refused(send("/billing", "POST", { origin: "null" }))).toBe(true);
  });

  it("lets through our Origin, or no Origin with Sec-Fetch-Site: same-origin (a browser's own request)", async () => {
    for (const headers of [{ origin: SITE }, { "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
      const response = send("/signin", "POST", { "next-action": "00ab", ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
    // A foreign Origin is refused even with Sec-Fetch-Site: same-origin (a browser never sends both).
    expect(
      await refused(send("/signin", "POST", { origin: "https://evil.example", "sec-fetch-site": "same-origin" })),
    ).toBe(true);
  });

  it("does not take a client's X-Forwarded-Host as our host (only a trusted proxy's)", async () => {
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect(await refused(send("/billing", "POST", forged))).toBe(true);
    marks[PRELOAD_MARK] = true;
    expect(await refused(send("/billing", "POST", { ...forged, [PEER_HEADER]: "198.51.100.4" }))).toBe(true);
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    expect(send("/billing", "POST", { ...forged, [PEER_HEADER]: "10.0.0.2" }).status).toBe(200);
  });

  it("asks nothing of reads, nor of the routes that answer for themselves", () => {
    expect(send("/billing", "GET").status).toBe(200);
    expect(send("/billing", "HEAD").status).toBe(200);
    for (const path of [
      "/oauth2/token",
      "/providers/Microsoft.Billing/billingAccounts/a/invoices/b/download",
      "/api/sim/worlds",
    ])
      expect(send(path, "POST").status, path).toBe(200);
  });
});
