/**
 * ARM's error answers: the body is always {"error":{"code","message"}}, the
 * shape the SDK's ErrorResponse mapper reads into a RestError. Codes are
 * ARM's own where the simulator can tell which one Azure would send.
 */
import { bearerChallenge } from "@/features/access/bearer";

const jsonHeaders = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" };

export function armError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { ...jsonHeaders, ...headers },
  });
}

export type AuthProblem = "missing" | "expired" | "invalid";

/** 401 with the challenge ARM sends (RFC 6750): `Bearer`, plus the reason when a token was sent. */
export function armUnauthorized(problem: AuthProblem) {
  const headers = { "WWW-Authenticate": bearerChallenge(problem) };
  switch (problem) {
    case "missing":
      return armError(
        401,
        "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is missing. Get a token from POST /oauth2/token.",
        headers,
      );
    case "expired":
      return armError(401, "ExpiredAuthenticationToken", "The access token has expired. Get a new token.", headers);
    case "invalid":
      return armError(401, "InvalidAuthenticationToken", "The access token is invalid.", headers);
  }
}

export type ArmResourceKind = "billingAccount" | "billingProfile" | "invoice";

const notFoundCodes: Record<ArmResourceKind, string> = {
  billingAccount: "BillingAccountNotFound",
  billingProfile: "BillingProfileNotFound",
  invoice: "InvoiceNotFound",
};

const kindNames: Record<ArmResourceKind, string> = {
  billingAccount: "billing account",
  billingProfile: "billing profile",
  invoice: "invoice",
};

/**
 * Not found — also for what exists but is not the caller's: a user with no
 * role on an account gets exactly this answer, as the blade answers "not found".
 */
export function armNotFound(kind: ArmResourceKind, name: string) {
  return armError(
    404,
    notFoundCodes[kind],
    `The ${kindNames[kind]} '${name}' was not found or you do not have access to it.`,
  );
}

export function armBadRequest(code: string, message: string) {
  return armError(400, code, message);
}

/** An operation of the Billing API the simulator knows of but does not serve (docs/api.md lists them). */
export function armNotImplemented(what: string) {
  return armError(
    501,
    "NotImplemented",
    `The simulator does not implement ${what}. See docs/api.md for the operations it serves.`,
  );
}
