// Hostile bearer tokens against `next start` on the build: expired, forged
// signature, altered payload, alg "none", another user's, and no token at all —
// on every ARM route, on the PDF route and on the payments route. Each is
// refused (401 with `WWW-Authenticate: Bearer …`, or ARM's 404 for another
// user's valid token), and nothing is paid.
//
// Run: npx vitest run --config vitest.reliability.config.ts tests/reliability/server/arm-tokens.test.ts
import { randomUUID } from "node:crypto";

import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessTokenKey, TOKEN_AUDIENCE, TOKEN_ISSUER } from "@/features/access/access-token";

import { tokenFor } from "../support/arm";
import { reliabilityDatabase, removeReliabilityDatabase } from "../support/databases";
import { Figures, tally } from "../support/figures";
import { addFixtures, openDb, type World } from "../support/fixtures";
import { http, paymentsPath, pdfPath, sessionCookie } from "../support/http";
import { runDbSetup, SESSION_SECRET, startServer, stopAllServers, type Server } from "../support/server";

const figures = new Figures("arm-tokens");
const dbFile = reliabilityDatabase("arm-tokens");
// Token lifetimes run on the real time, not the server's SIM_NOW (src/server/clock.ts: securityNow).
const nowSeconds = Math.floor(Date.now() / 1000);
const serverKey = accessTokenKey(SESSION_SECRET);

let server: Server;
let world: World;
let adminToken: string;
let fabrikamToken: string;
const statuses: number[] = [];

type Claims = { sub: string; iat?: number; exp?: number; aud?: string; iss?: string };

function signed(claims: Claims, key: Uint8Array = serverKey, alg = "HS256") {
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? TOKEN_ISSUER)
    .setAudience(claims.aud ?? TOKEN_AUDIENCE)
    .setIssuedAt(claims.iat ?? nowSeconds)
    .setExpirationTime(claims.exp ?? nowSeconds + 600)
    .sign(key);
}

beforeAll(async () => {
  runDbSetup(dbFile);
  world = await addFixtures(dbFile);
  server = await startServer({ label: "arm-tokens", dbFile });
  adminToken = await tokenFor(server.url, "admin@contoso.com");
  fabrikamToken = await tokenFor(server.url, "admin@fabrikam.com");
}, 240_000);

afterAll(async () => {
  await stopAllServers();
  figures.set("answers", tally(statuses));
  figures.write();
  if (process.env.KEEP_TEST_DB !== "1") await removeReliabilityDatabase(dbFile);
});

const arm = (pathname: string) =>
  `/providers/Microsoft.Billing${pathname}${pathname.includes("?") ? "&" : "?"}api-version=2020-05-01`;

/** One request of every kind a bearer token opens, for the Contoso invoice `invoiceId`. */
function routes(invoiceId: string): Array<{ label: string; method: string; path: string; json?: unknown }> {
  const account = encodeURIComponent(world.contoso.accountId);
  return [
    { label: "list accounts", method: "GET", path: arm("/billingAccounts") },
    { label: "get account", method: "GET", path: arm(`/billingAccounts/${account}`) },
    { label: "list profiles", method: "GET", path: arm(`/billingAccounts/${account}/billingProfiles`) },
    {
      label: "list invoices",
      method: "GET",
      path: arm(`/billingAccounts/${account}/invoices?periodStartDate=2020-01-01&periodEndDate=2030-01-01`),
    },
    { label: "get invoice", method: "GET", path: arm(`/billingAccounts/${account}/invoices/${invoiceId}`) },
    { label: "get by ID", method: "GET", path: arm(`/billingAccounts/default/invoices/${invoiceId}`) },
    {
      label: "download",
      method: "POST",
      path: arm(`/billingAccounts/${account}/invoices/${invoiceId}/download?downloadToken=DRS_${invoiceId}`),
    },
    {
      label: "download result",
      method: "GET",
      path: arm(
        `/billingAccounts/${account}/invoices/${invoiceId}/operationResults/invoiceDownload_DRS_${invoiceId}?downloadToken=DRS_${invoiceId}`,
      ),
    },
    { label: "not implemented", method: "GET", path: arm(`/billingAccounts/${account}/billingSubscriptions`) },
    { label: "PDF", method: "GET", path: pdfPath(world.contoso.accountId, invoiceId) },
    {
      label: "pay",
      method: "POST",
      path: paymentsPath(world.contoso.accountId, invoiceId),
      json: { idempotencyKey: randomUUID(), method: "saved", paymentMethodId: world.contoso.savedCardId },
    },
  ];
}

async function send(route: ReturnType<typeof routes>[number], authorization?: string, cookie?: string) {
  // The portal's own origin, as a browser sends it: the payments route's cookie check passes, what is tested is the token.
  const answer = await http(server.url, route.path, {
    method: route.method,
    headers: authorization ? { authorization, origin: server.url } : { origin: server.url },
    cookie,
    json: route.json,
  });
  statuses.push(answer.status);
  return answer;
}

describe("hostile bearer tokens are refused on every route that takes tokens", () => {
  const invoice = () => world.extraInvoices[0];

  async function expectRefused(authorization: string | undefined, code: string) {
    for (const route of routes(invoice())) {
      const answer = await send(route, authorization);
      expect(answer.status, `${route.label}: ${answer.text.slice(0, 200)}`).toBe(401);
      expect(answer.headers.get("www-authenticate"), route.label).toMatch(/^Bearer\b/);
      if (authorization) expect(answer.headers.get("www-authenticate"), route.label).toContain('error="invalid_token"');
      if (route.path.startsWith("/providers/"))
        expect(answer.json(), route.label).toEqual({ error: { code, message: expect.any(String) } });
    }
  }

  it("no token at all: 401 with WWW-Authenticate: Bearer and ARM's error body", async () => {
    await expectRefused(undefined, "AuthenticationFailed");
  });

  it("an expired token (signed by the server's own key)", async () => {
    const expired = await signed({ sub: world.contoso.adminId, iat: nowSeconds - 7200, exp: nowSeconds - 3600 });
    await expectRefused(`Bearer ${expired}`, "ExpiredAuthenticationToken");
  });

  it("a forged signature (another key), and another algorithm", async () => {
    const otherKey = accessTokenKey("an-attacker-guessing-the-secret-0123456789abcdef");
    await expectRefused(
      `Bearer ${await signed({ sub: world.contoso.adminId }, otherKey)}`,
      "InvalidAuthenticationToken",
    );
    const hs512 = await signed({ sub: world.contoso.adminId }, new Uint8Array(64).fill(1), "HS512");
    await expectRefused(`Bearer ${hs512}`, "InvalidAuthenticationToken");
  });

  it('alg "none"', async () => {
    const none = new UnsecuredJWT({})
      .setSubject(world.contoso.adminId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 600)
      .encode();
    await expectRefused(`Bearer ${none}`, "InvalidAuthenticationToken");
    // The same, with the server's signature of another payload left on.
    const [, , signature] = adminToken.split(".");
    await expectRefused(`Bearer ${none}${signature}`, "InvalidAuthenticationToken");
  });

  it("a real token whose payload was changed to another user (the Fabrikam admin's token made Contoso's)", async () => {
    const [header, payload, signature] = fabrikamToken.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, sub: world.contoso.adminId })).toString("base64url");
    await expectRefused(`Bearer ${header}.${altered}.${signature}`, "InvalidAuthenticationToken");
  });

  it("a token for another audience, a token of a user that does not exist, garbage, and other schemes", async () => {
    await expectRefused(
      `Bearer ${await signed({ sub: world.contoso.adminId, aud: "https://graph.microsoft.com/" })}`,
      "InvalidAuthenticationToken",
    );
    await expectRefused(`Bearer ${await signed({ sub: "no-such-user" })}`, "InvalidAuthenticationToken");
    await expectRefused("Bearer not-a-token", "InvalidAuthenticationToken");
    await expectRefused("Bearer ", "InvalidAuthenticationToken");
    for (const route of routes(invoice())) {
      const basic = await send(route, `Basic ${Buffer.from("admin@contoso.com:Passw0rd!").toString("base64")}`);
      expect(basic.status, route.label).toBe(401);
    }
  });

  it("a token issued before the user's sessions were ended everywhere (sessionVersion moved on)", async () => {
    const before = await tokenFor(server.url, "admin2@northwind.test");
    const listAccounts = routes(invoice())[0];
    expect((await send(listAccounts, `Bearer ${before}`)).status).toBe(200);
    const db = openDb(dbFile);
    try {
      await db.user.update({ where: { id: world.nw2AdminId }, data: { sessionVersion: { increment: 1 } } });
    } finally {
      await db.$disconnect();
    }
    expect((await send(listAccounts, `Bearer ${before}`)).status).toBe(401);
    expect((await send(listAccounts, `Bearer ${await tokenFor(server.url, "admin2@northwind.test")}`)).status).toBe(
      200,
    );
  });

  it("a bad token is not rescued by a valid session cookie", async () => {
    const cookie = await sessionCookie(world.contoso.adminId);
    for (const route of routes(invoice()).filter((r) => !r.path.startsWith("/providers/"))) {
      const answer = await send(route, "Bearer forged.token.here", cookie);
      expect(answer.status, route.label).toBe(401);
    }
  });

  it("another user's valid token: Contoso's resources do not exist for the Fabrikam admin", async () => {
    for (const route of routes(invoice()).filter((r) => r.label !== "list accounts" && r.label !== "not implemented")) {
      const answer = await send(route, `Bearer ${fabrikamToken}`);
      expect(answer.status, `${route.label}: ${answer.text.slice(0, 200)}`).toBe(404);
      if (route.path.startsWith("/providers/"))
        expect(answer.json().error).toMatchObject({ code: expect.stringMatching(/NotFound$/) });
    }
    const accounts = await send(routes(invoice())[0], `Bearer ${fabrikamToken}`);
    expect((accounts.json().value as Array<{ name: string }>).map((a) => a.name)).toEqual([world.fabrikam.accountId]);
  });

  it("nothing was paid by any of it", async () => {
    const db = openDb(dbFile);
    try {
      expect(await db.payment.count({ where: { invoiceId: invoice() } })).toBe(0);
      expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice() } })).amountDueMinor).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("the token endpoint", () => {
  const token = (body: string, type = "application/x-www-form-urlencoded") =>
    http(server.url, "/oauth2/token", { method: "POST", headers: { "content-type": type }, body });

  it("answers a Bearer token that expires, never cached", async () => {
    const answer = await token("grant_type=password&username=ADMIN%40contoso.com&password=Passw0rd%21");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.json()).toMatchObject({ token_type: "Bearer", access_token: expect.any(String), expires_in: 3600 });
  });

  it("refuses wrong credentials with one message for an unknown user and a wrong password", async () => {
    const wrong = await token("grant_type=password&username=admin%40contoso.com&password=nope");
    const unknown = await token("grant_type=password&username=nobody%40contoso.com&password=Passw0rd%21");
    expect([wrong.status, unknown.status]).toEqual([400, 400]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toBe("invalid_grant");
  });

  it("refuses other grants and malformed requests in OAuth's error shape", async () => {
    expect((await token("grant_type=authorization_code&code=x&client_id=y")).json().error).toBe(
      "unsupported_grant_type",
    );
    // Client credentials are a grant of their own (an app registration's): an unknown app is not a client.
    expect((await token("grant_type=client_credentials&client_id=x&client_secret=y")).json().error).toBe(
      "unauthorized_client",
    );
    expect((await token("username=admin%40contoso.com&password=Passw0rd%21")).json().error).toBe("invalid_request");
    const json = await token(JSON.stringify({ grant_type: "password" }), "application/json");
    expect([json.status, json.json().error]).toEqual([400, "invalid_request"]);
  });
});
