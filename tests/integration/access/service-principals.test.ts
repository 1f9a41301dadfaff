// App registrations (service principals) and the identity endpoints Microsoft's clients use, called
// directly on a seeded throwaway database: client credentials at /{tenant}/oauth2/v2.0/token and
// /adfs/oauth2/token, what the app's token sees through ARM, refusals across worlds and after the app is
// deleted, hashed secrets, and the discovery documents. The same through the real clients over HTTPS:
// tests/reliability/server/azure-clients.test.ts.
import { createHash } from "node:crypto";

import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";

import { accessTokenKey } from "@/features/access/access-token";
import { handleDirectoryTokenRequest } from "@/features/access/client-credentials";
import {
  adfsOpenIdConfiguration,
  cloudMetadata,
  tenantOpenIdConfiguration,
} from "@/features/access/identity-discovery";
import { handleTokenRequest } from "@/features/access/token-endpoint";
import { listBillingAccounts } from "@/features/arm/accounts";
import { listSubscriptions, listTenants } from "@/features/arm/subscriptions";
import { createWorld } from "@/features/worlds/create-world";
import {
  BUILT_IN_DEMO_CLIENT_SECRET,
  clientIdFor,
  DEMO_TENANT_ID,
  ensureAppRegistrations,
  tenantIdOf,
} from "@/server/demo/app-registrations";

import { TEST_NOW, useTestDatabase } from "../../support/test-db";

const testDb = useTestDatabase({ seed: true });
const ORIGIN = "https://localhost:3443";
const SECRET = BUILT_IN_DEMO_CLIENT_SECRET;
let contosoAdminApp: string;
let contosoReaderApp: string;
let fabrikamAdminApp: string;

const form = (fields: Record<string, string>) =>
  new Request(`${ORIGIN}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

const credentials = (clientId: string, extra: Record<string, string> = {}) => ({
  grant_type: "client_credentials",
  client_id: clientId,
  client_secret: SECRET,
  scope: "https://management.azure.com/.default",
  ...extra,
});

async function appToken(clientId: string, tenant: string | null = DEMO_TENANT_ID): Promise<string> {
  const answer = await handleDirectoryTokenRequest(form(credentials(clientId)), tenant);
  expect(answer.status).toBe(200);
  return (await answer.json()).access_token;
}

const arm = (path: string, token: string) =>
  new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${token}` } });
const accountNames = async (token: string) =>
  (
    await (
      await listBillingAccounts(arm("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01", token))
    ).json()
  ).value?.map((account: { properties: { displayName: string } }) => account.properties.displayName);

beforeAll(async () => {
  process.env.SESSION_SECRET = "integration-test-session-secret-0123456789abcdef";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  await testDb.db.$transaction((tx) => ensureAppRegistrations(tx, null, TEST_NOW));
  const person = (email: string) => testDb.db.user.findUniqueOrThrow({ where: { email } });
  contosoAdminApp = clientIdFor((await person("admin@contoso.com")).id);
  contosoReaderApp = clientIdFor((await person("reader@contoso.com")).id);
  fabrikamAdminApp = clientIdFor((await person("admin@fabrikam.com")).id);
});

describe("client credentials", () => {
  it("gives each demo app a token that sees exactly its person's accounts", async () => {
    expect(await accountNames(await appToken(contosoAdminApp))).toEqual(["Contoso Ltd"]);
    expect(await accountNames(await appToken(contosoReaderApp))).toEqual(["Contoso Ltd"]);
    expect(await accountNames(await appToken(fabrikamAdminApp))).toEqual(["Fabrikam, Inc."]);
  });

  it("answers at /adfs, 'organizations' and the legacy /oauth2/token, in the clients' three scope spellings", async () => {
    for (const scope of [
      "https://localhost:3443//.default",
      "https://localhost:3443/.default",
      "https://management.azure.com/.default",
    ]) {
      const extra = { scope, claims: '{"access_token":{}}', client_info: "1", "client-request-id": "abc" };
      expect((await handleDirectoryTokenRequest(form(credentials(contosoAdminApp, extra)), null)).status).toBe(200);
    }
    expect((await handleTokenRequest(form(credentials(contosoAdminApp)))).status).toBe(200);
    const basic = new Request(`${ORIGIN}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${contosoAdminApp}:${SECRET}`).toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    expect((await handleDirectoryTokenRequest(basic, DEMO_TENANT_ID)).status).toBe(200);
  });

  it("refuses a wrong secret, an unknown app, another directory, another grant and another resource", async () => {
    const wrong = await handleDirectoryTokenRequest(
      form({ ...credentials(contosoAdminApp), client_secret: "x" }),
      null,
    );
    expect([wrong.status, (await wrong.json()).error]).toEqual([401, "invalid_client"]);
    const unknown = await handleDirectoryTokenRequest(form(credentials("00000000-0000-4000-8000-000000000000")), null);
    expect([unknown.status, (await unknown.json()).error]).toEqual([400, "unauthorized_client"]);
    const elsewhere = await handleDirectoryTokenRequest(form(credentials(contosoAdminApp)), tenantIdOf("nosuchworld1"));
    expect((await elsewhere.json()).error_codes).toEqual([700016]);
    const password = await handleDirectoryTokenRequest(form({ grant_type: "password" }), null);
    expect((await password.json()).error).toBe("unsupported_grant_type");
    const graph = await handleDirectoryTokenRequest(
      form(credentials(contosoAdminApp, { scope: "https://graph.microsoft.com/User.Read" })),
      null,
    );
    expect((await graph.json()).error).toBe("invalid_scope");
  });

  it("stores secrets hashed, never as sent", async () => {
    const rows = await testDb.db.servicePrincipal.findMany();
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row.secretHash).not.toContain(SECRET);
      expect(row.secretHash).toBe(createHash("sha256").update(SECRET).digest("hex"));
    }
  });

  it("lists the subscriptions and the directory the app may see (az login)", async () => {
    const list = async (token: string) =>
      (await (await listSubscriptions(arm("/subscriptions?api-version=2019-11-01", token))).json()).value;
    expect(await list(await appToken(contosoAdminApp))).toEqual([]);
    const [subscription] = await list(await appToken(fabrikamAdminApp));
    expect(subscription).toMatchObject({ tenantId: DEMO_TENANT_ID, state: "Enabled" });
    expect(subscription.id).toBe(`/subscriptions/${subscription.subscriptionId}`);
    const tenants = await (
      await listTenants(arm("/tenants?api-version=2019-11-01", await appToken(contosoAdminApp)))
    ).json();
    expect(tenants.value.map((tenant: { tenantId: string }) => tenant.tenantId)).toEqual([DEMO_TENANT_ID]);
  });
});

describe("worlds and deletion", () => {
  it("keeps a world's apps in its own directory: no token elsewhere, no access across worlds", async () => {
    const world = await createWorld({ now: TEST_NOW });
    expect(world.tenantId).toBe(tenantIdOf(world.id));
    expect(world.servicePrincipals).toHaveLength(3);
    const app = world.servicePrincipals.find(
      (p) => p.role === "admin" && p.billingAccount === world.billingAccounts[0].id,
    )!;
    expect(app.clientSecret).toBe(SECRET);
    // The world's app at the demo directory: not found there.
    const refused = await handleDirectoryTokenRequest(form(credentials(app.clientId)), DEMO_TENANT_ID);
    expect((await refused.json()).error).toBe("unauthorized_client");
    const token = await appToken(app.clientId, world.tenantId);
    expect(await accountNames(token)).toEqual([world.billingAccounts[0].name]);
    // A token that claims the demo directory for the world's app (signed with the real key): refused.
    const user = await testDb.db.servicePrincipal.findUniqueOrThrow({ where: { clientId: app.clientId } });
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ sv: 0, tid: DEMO_TENANT_ID, appid: app.clientId })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.userId)
      .setIssuer("azure-billing-portal-sim")
      .setAudience("https://management.azure.com/")
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(accessTokenKey());
    expect(
      (await listBillingAccounts(arm("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01", forged)))
        .status,
    ).toBe(401);
  });

  it("ends an app's tokens when the app is deleted", async () => {
    const token = await appToken(contosoReaderApp);
    expect(await accountNames(token)).toEqual(["Contoso Ltd"]);
    const app = await testDb.db.servicePrincipal.findUniqueOrThrow({ where: { clientId: contosoReaderApp } });
    await testDb.db.user.delete({ where: { id: app.userId } });
    const answer = await listBillingAccounts(
      arm("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01", token),
    );
    expect(answer.status).toBe(401);
    expect(await testDb.db.servicePrincipal.count({ where: { clientId: contosoReaderApp } })).toBe(0);
  });
});

describe("discovery documents", () => {
  const get = (path: string) => new Request(`${ORIGIN}${path}`);

  it("serves the directory's and the ADFS authority's OpenID configuration at the caller's origin", async () => {
    const tenant = await tenantOpenIdConfiguration(
      get("/t/v2.0/.well-known/openid-configuration"),
      DEMO_TENANT_ID,
    ).json();
    expect(tenant).toMatchObject({
      issuer: `${ORIGIN}/${DEMO_TENANT_ID}/v2.0`,
      token_endpoint: `${ORIGIN}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      authorization_endpoint: expect.stringMatching(/^https:\/\//),
      jwks_uri: expect.stringMatching(/^https:\/\//),
    });
    const adfs = await adfsOpenIdConfiguration(get("/adfs/.well-known/openid-configuration")).json();
    expect(adfs.token_endpoint).toBe(`${ORIGIN}/adfs/oauth2/token`);
  });

  it("gives the CLI an /adfs login endpoint and the portal as the audience", async () => {
    const metadata = await cloudMetadata(get("/metadata/endpoints?api-version=2015-01-01")).json();
    expect(metadata.authentication).toEqual({
      loginEndpoint: `${ORIGIN}/adfs`,
      audiences: [`${ORIGIN}/`, "https://management.azure.com/"],
    });
  });
});
