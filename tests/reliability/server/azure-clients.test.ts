// Microsoft's own clients, unchanged, against `next start` with HTTPS_PORT (the local CA of
// scripts/lib/local-ca.mjs, trusted the way docs/clients.md says): @azure/identity + @azure/arm-billing
// (Node), Debian's python3-azure + python3-msal, and Debian's Azure CLI 2.45 (register the cloud, log in
// as a service principal, list accounts, profiles and invoices, show one, download it through `az rest`).
// Outside CI a missing Python SDK or CLI skips its test with the reason; with CI=true it fails
// (.ci/run installs them with apt-get).
//
// Run: npx vitest run --config vitest.reliability.config.ts tests/reliability/server/azure-clients.test.ts
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { reliabilityDatabase, removeReliabilityDatabase, urlOf } from "../support/databases";
import { freePort, ROOT, runDbSetup, startServer, stopAllServers, type Server } from "../support/server";

const DEMO_TENANT = "5f0c1a2e-7b3d-4c8e-9a1f-2d3c4b5a6e7f";
const SECRET = "sim~Demo-Client-Secret-0123456789abcdef";
const CLIENTS = path.join(ROOT, "tests", "reliability", "clients");
const PYTHON = "/usr/bin/python3";
const ci = process.env.CI === "true";

const dbFile = reliabilityDatabase("azure-clients");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-clients-"));
let server: Server;
let origin: string;
let caFile: string;
let bundle: string;
let contosoAdmin: string;

function missing(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
const pythonMissing = missing(() =>
  execFileSync(PYTHON, ["-c", "import azure.identity, azure.mgmt.billing, msal"], { stdio: "pipe" }),
);
const cliMissing = missing(() => execFileSync("az", ["version"], { stdio: "pipe" }));

/** Skipped with its reason outside CI; in CI a missing client is a failure. */
function clientTest(name: string, reason: string | null, body: () => Promise<void>) {
  if (reason && !ci) {
    it.skip(`${name} (skipped: ${reason})`, body);
    return;
  }
  it(name, async () => {
    if (reason) throw new Error(`${name}: the client is missing (${reason}); .ci/run installs it with apt-get`);
    await body();
  });
}

function run(command: string, args: string[], env: Record<string, string>): string {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stderr.slice(-3000)}`);
  return result.stdout;
}

beforeAll(async () => {
  runDbSetup(dbFile);
  const httpsPort = await freePort();
  server = await startServer({
    label: "azure-clients",
    dbFile,
    env: { HTTPS_PORT: String(httpsPort), DATA_DIR: dataDir },
  });
  origin = `https://localhost:${httpsPort}`;
  caFile = path.join(dataDir, "tls", "simulator-ca.pem");
  expect(server.log()).toContain(caFile);
  // System roots plus the simulator's CA: what REQUESTS_CA_BUNDLE wants (docs/clients.md).
  bundle = path.join(dataDir, "ca-bundle.pem");
  const system = ["/etc/ssl/certs/ca-certificates.crt"].filter((file) => fs.existsSync(file));
  fs.writeFileSync(
    bundle,
    [...system.map((file) => fs.readFileSync(file, "utf8")), fs.readFileSync(caFile, "utf8")].join("\n"),
  );
  const { clientIdFor } = await import("@/server/demo/app-registrations");
  const { createPrismaClient } = await import("@/server/db/client");
  const db = createPrismaClient(urlOf(dbFile));
  contosoAdmin = clientIdFor((await db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } })).id);
  await db.$disconnect();
}, 180_000);

afterAll(async () => {
  await stopAllServers();
  await removeReliabilityDatabase(dbFile);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Microsoft's clients over HTTPS, unchanged", () => {
  it("@azure/identity + @azure/arm-billing: sign in as the app, list, get and download", async () => {
    const out = JSON.parse(
      run(process.execPath, [path.join(CLIENTS, "node-client.mjs"), origin, DEMO_TENANT, contosoAdmin, SECRET], {
        NODE_EXTRA_CA_CERTS: caFile,
      }),
    );
    expect(out.accounts).toEqual(["Contoso Ltd"]);
    expect(out.profiles).toBeGreaterThan(0);
    expect(out.invoices).toBeGreaterThan(0);
    expect(out.first.got).toBe(out.first.name);
    expect(out.download).toMatch(new RegExp(`^${origin}/api/billing/`));
  }, 180_000);

  clientTest("Python: python3-msal and python3-azure's azure-mgmt-billing", pythonMissing, async () => {
    const out = JSON.parse(
      run(PYTHON, [path.join(CLIENTS, "python-client.py"), origin, DEMO_TENANT, contosoAdmin, SECRET], {
        REQUESTS_CA_BUNDLE: bundle,
      }),
    );
    expect(out).toMatchObject({ msal: true, accounts: ["Contoso Ltd"] });
    expect(out.invoices).toBeGreaterThan(0);
  });

  clientTest(
    "Azure CLI 2.45: cloud register, service principal login, billing commands, az rest download",
    cliMissing,
    async () => {
      const env = {
        AZURE_CONFIG_DIR: fs.mkdtempSync(path.join(dataDir, "az-")),
        REQUESTS_CA_BUNDLE: bundle,
        AZURE_CORE_COLLECT_TELEMETRY: "false",
        AZURE_CORE_NO_COLOR: "true",
      };
      const az = (...args: string[]) => run("az", [...args, "--only-show-errors"], env);
      az("cloud", "register", "-n", "BillingSim", "--endpoint-resource-manager", `${origin}/`);
      az("cloud", "set", "-n", "BillingSim");
      az(
        "login",
        "--service-principal",
        "-u",
        contosoAdmin,
        "-p",
        SECRET,
        "--tenant",
        DEMO_TENANT,
        "--allow-no-subscriptions",
      );
      const accounts = JSON.parse(az("billing", "account", "list", "-o", "json"));
      expect(accounts.map((account: { displayName: string }) => account.displayName)).toEqual(["Contoso Ltd"]);
      const account = accounts[0].name;
      expect(
        JSON.parse(az("billing", "profile", "list", "--account-name", account, "-o", "json")).length,
      ).toBeGreaterThan(0);
      const invoices = JSON.parse(
        az(
          "billing",
          "invoice",
          "list",
          "--account-name",
          account,
          "--period-start-date",
          "2000-01-01",
          "--period-end-date",
          "2026-12-31",
          "-o",
          "json",
        ),
      );
      expect(invoices.length).toBeGreaterThan(0);
      const invoice = invoices[0].name;
      expect(
        JSON.parse(az("billing", "invoice", "show", "--account-name", account, "--name", invoice, "-o", "json")).name,
      ).toBe(invoice);
      // `az billing invoice download` is broken inside CLI 2.45 (Azure/azure-cli#25423): POST, then GET the Location.
      const invoiceUrl = `${origin}/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(account)}/invoices/${invoice}`;
      const posted = spawnSync(
        "az",
        [
          "rest",
          "--method",
          "post",
          "--url",
          `${invoiceUrl}/download?api-version=2020-05-01&downloadToken=DRS_${invoice}`,
          "--debug",
        ],
        { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 },
      );
      expect(posted.status).toBe(0);
      const location = /'location': '([^']+)'/i.exec(posted.stderr)?.[1];
      expect(location).toContain("/operationResults/");
      const document = JSON.parse(az("rest", "--method", "get", "--url", location!));
      expect(document.url).toMatch(new RegExp(`^${origin}/api/billing/`));
    },
  );
});
