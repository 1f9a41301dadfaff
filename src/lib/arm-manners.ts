/**
 * What ARM and Entra do to every request, whatever the operation, applied by
 * the proxy (src/proxy.ts) before the route runs. No "server-only": the
 * proxy runs it.
 */

/** The JSON APIs that answer for themselves and take no cookie: no page CSP, no same-origin write check. */
export function isApiPath(pathname: string): boolean {
  return (
    /^\/(?:api|oauth2|adfs|metadata)\//.test(pathname) ||
    /^\/providers\//i.test(pathname) ||
    /^\/(?:subscriptions|tenants)(?:\/|$)/i.test(pathname) ||
    // A directory's identity endpoints: /{tenant}/oauth2/v2.0/token, /{tenant}/v2.0/.well-known/…, its keys.
    /^\/[^/]+\/(?:oauth2\/v2\.0\/token|v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys)$/.test(
      pathname,
    )
  );
}

/** ARM's paths: every answer carries ARM's request and correlation IDs. */
export const isArmPath = (pathname: string) =>
  /^\/providers\//i.test(pathname) || /^\/(?:subscriptions|tenants)(?:\/|$)/i.test(pathname);

/** The resource types of Microsoft.Billing the simulator routes, by their lower-case spelling. */
const canonicalTypes = new Map(
  [
    "billingAccounts",
    "billingProfiles",
    "invoices",
    "download",
    "operationResults",
    "paymentMethods",
    "paymentMethodLinks",
    "availableBalance",
  ].map((type) => [type.toLowerCase(), type]),
);

/**
 * ARM matches provider namespaces and resource types in any case
 * (`/providers/microsoft.billing/billingaccounts` is the same collection):
 * the path in the spelling of the routes, or null when it already is.
 * Names (account, profile and invoice IDs) are left as sent.
 */
export function canonicalArmPath(pathname: string): string | null {
  const match = /^\/providers\/microsoft\.billing(\/.*)?$/i.exec(pathname);
  if (!match) return null;
  const segments = (match[1] ?? "").split("/").slice(1);
  const canonical = segments.map((segment, index) =>
    index % 2 === 0 ? (canonicalTypes.get(segment.toLowerCase()) ?? segment) : segment,
  );
  const path = ["/providers/Microsoft.Billing", ...canonical].join("/");
  return path === pathname ? null : path;
}

const correlationPattern = /^[A-Za-z0-9-]{1,64}$/;

/**
 * x-ms-request-id (new for every answer) and x-ms-correlation-request-id (the
 * client's own when it sent a plausible one — Azure's SDKs and the CLI send a
 * GUID — else a new one), as ARM answers.
 */
export function armTraceHeaders(requestHeaders: Headers): Record<string, string> {
  const requestId = crypto.randomUUID();
  const sent = requestHeaders.get("x-ms-correlation-request-id");
  const correlation = sent && correlationPattern.test(sent) ? sent : requestId;
  const clientRequestId = requestHeaders.get("x-ms-client-request-id");
  return {
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": correlation,
    ...(clientRequestId && correlationPattern.test(clientRequestId)
      ? { "x-ms-client-request-id": clientRequestId }
      : {}),
  };
}
