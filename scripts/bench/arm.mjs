// npm run bench, ARM: every invoice of the big account listed through Microsoft's own client,
// @azure/arm-billing 4.1.0, as a script would (token from POST /oauth2/token, the SDK's pager
// following nextLink). Read-only; one pass per database, timed page by page (docs/api.md).
import { BillingManagementClient } from "@azure/arm-billing";

import { log } from "./settings.mjs";

async function token(base) {
  const response = await fetch(`${base}/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", username: "admin@contoso.com", password: "Passw0rd!" }),
  });
  if (response.status !== 200) throw new Error(`POST /oauth2/token answered ${response.status}`);
  return (await response.json()).access_token;
}

/** The SDK on plain-HTTP loopback: its bearer policy removed, the header set by ours. */
function sdk(base, accessToken) {
  const credential = { getToken: async () => ({ token: accessToken, expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const client = new BillingManagementClient(credential, "00000000-0000-0000-0000-000000000000", {
    endpoint: base,
    allowInsecureConnection: true,
  });
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "benchBearer",
    sendRequest: (request, next) => {
      request.headers.set("Authorization", `Bearer ${accessToken}`);
      return next(request);
    },
  });
  return client;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function listThroughSdk(ctxs) {
  for (const ctx of ctxs) {
    const client = sdk(ctx.server.base, await token(ctx.server.base));
    const names = new Set();
    const pageMs = [];
    let count = 0;
    const started = performance.now();
    let last = started;
    for await (const page of client.invoices
      .listByBillingAccount(ctx.world.accountId, "1900-01-01", "2100-12-31")
      .byPage()) {
      const now = performance.now();
      pageMs.push(now - last);
      last = now;
      count += page.length;
      for (const invoice of page) names.add(invoice.name);
    }
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...pageMs].sort((a, b) => a - b);
    ctx.results.armList = {
      invoices: count,
      distinct: names.size,
      expected: ctx.world.invoices,
      pages: pageMs.length,
      seconds: Math.round(seconds * 10) / 10,
      invoicesPerSecond: Math.round(count / seconds),
      pageP50Ms: Math.round(percentile(sorted, 50)),
      pageP99Ms: Math.round(percentile(sorted, 99)),
    };
    log(
      `${ctx.size.label ?? ctx.size.key}: SDK listed ${count.toLocaleString("en-US")} invoices (${names.size.toLocaleString("en-US")} distinct, ${ctx.world.invoices.toLocaleString("en-US")} expected) in ${pageMs.length} pages, ${ctx.results.armList.seconds} s; page p50 ${ctx.results.armList.pageP50Ms} ms, p99 ${ctx.results.armList.pageP99Ms} ms`,
    );
    if (count !== ctx.world.invoices || names.size !== count)
      throw new Error(`${ctx.size.label ?? ctx.size.key}: the SDK's pages repeat or miss invoices`);
  }
}
