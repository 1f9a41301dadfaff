// Microsoft's JavaScript clients, unchanged: @azure/identity's ClientSecretCredential and @azure/arm-billing's
// client with only the endpoint and authority changed (no pipeline policy added or removed). The simulator's
// CA is trusted through NODE_EXTRA_CA_CERTS, as docs/clients.md says. Prints one JSON line.
// Run by tests/reliability/server/azure-clients.test.ts: node node-client.mjs <origin> <tenant> <client> <secret>
import { BillingManagementClient } from "@azure/arm-billing";
import { ClientSecretCredential } from "@azure/identity";

const [origin, tenant, clientId, secret] = process.argv.slice(2);
const credential = new ClientSecretCredential(tenant, clientId, secret, {
  authorityHost: origin,
  disableInstanceDiscovery: true,
});
const client = new BillingManagementClient(credential, "00000000-0000-0000-0000-000000000000", {
  endpoint: origin,
  credentialScopes: [`${origin}/.default`],
});
const out = { accounts: [], profiles: 0, invoices: 0, first: null, download: null };
for await (const account of client.billingAccounts.list()) {
  out.accounts.push(account.displayName);
  for await (const profile of client.billingProfiles.listByBillingAccount(account.name)) {
    void profile;
    out.profiles++;
  }
  for await (const invoice of client.invoices.listByBillingAccount(account.name, "2000-01-01", "2026-12-31")) {
    out.invoices++;
    out.first ??= { account: account.name, name: invoice.name, status: invoice.status };
  }
}
if (out.first) {
  const got = await client.invoices.get(out.first.account, out.first.name);
  out.first.got = got.name;
  const document = await client.invoices.beginDownloadInvoiceAndWait(
    out.first.account,
    out.first.name,
    `DRS_${out.first.name}`,
  );
  out.download = document.url ?? null;
}
console.log(JSON.stringify(out));
