/**
 * The billing APIs' refusals of a request itself, before any payment or card
 * is looked at (credentials, encoding, body, the resource named): one stable
 * code per problem in `{ "error": { "code", "message" } }` (docs/api.md), the
 * fields the routes answered before (`status`, `message`, `fieldErrors`) beside it.
 * The payments API adds its own outcomes (src/features/payments/api-errors.ts).
 */

/** Refusals before payInvoice runs: the request itself (credentials, encoding, body). */
export const requestErrorCodes = {
  authenticationFailed: { status: 401, code: "AuthenticationFailed" },
  invalidToken: { status: 401, code: "InvalidAuthenticationToken" },
  expiredToken: { status: 401, code: "ExpiredAuthenticationToken" },
  crossSite: { status: 403, code: "CrossSiteRequest" },
  notJson: { status: 415, code: "UnsupportedMediaType" },
  tooLarge: { status: 413, code: "RequestTooLarge" },
  invalidJson: { status: 400, code: "InvalidJson" },
  invalidRequest: { status: 422, code: "InvalidRequest" },
  invalidAmount: { status: 422, code: "InvalidAmount" },
  paymentMethodRequired: { status: 422, code: "PaymentMethodRequired" },
  invalidCard: { status: 422, code: "InvalidCard" },
  invoiceNotFound: { status: 404, code: "InvoiceNotFound" },
  forbidden: { status: 403, code: "NotBillingAccountAdmin" },
  profileNotFound: { status: 404, code: "BillingProfileNotFound" },
} as const;
export type RequestProblem = keyof typeof requestErrorCodes;

export const noStore = { "Cache-Control": "no-store" };

/** A refusal of the request itself, in the contract's shape. */
export function requestError(
  problem: RequestProblem,
  message: string,
  extra: { fieldErrors?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  const { status, code } = requestErrorCodes[problem];
  const body = { status: "error", message, ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}) };
  return Response.json(
    { ...body, error: { code, message, ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}) } },
    { status, headers: { ...noStore, ...extra.headers } },
  );
}

/**
 * A caller the route could not name: no credentials at all (authenticationFailed), or a bearer
 * token that is expired or invalid; `challenge` is the WWW-Authenticate header that says which.
 */
export function callerError(problem: "missing" | "expired" | "invalid", message: string, challenge: string): Response {
  const code = problem === "missing" ? "authenticationFailed" : problem === "expired" ? "expiredToken" : "invalidToken";
  return requestError(code, message, { headers: { "WWW-Authenticate": challenge } });
}
