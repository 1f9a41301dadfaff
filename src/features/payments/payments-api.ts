import "server-only";

import { getTranslations } from "next-intl/server";

import { bearerChallenge, hasBearer, routeCaller } from "@/features/access/bearer";
import { cookieCallRefusal } from "@/features/access/origin";
import { callerError, requestError } from "@/lib/request-errors";
import { readSmallBody } from "@/server/request-body";

import { hasSessionCookie, outcomeResponse } from "./api-errors";
import { outcomeMessage, parsePayInput } from "./pay-input";
import { payInvoice } from "./pay-invoice";

/**
 * POST /api/billing/{account}/invoices/{invoice}/payments — the same payment
 * as the Pay now blade, for scripts and load tests: a JSON body with the
 * blade's fields, the session cookie or a bearer token from /oauth2/token, and
 * the same payInvoice() (policy, idempotency) underneath. A bearer request
 * carries no cookie a foreign page could ride on, so only cookie requests
 * need the Origin check.
 */
export async function handlePaymentRequest(request: Request, accountId: string, invoiceId: string): Promise<Response> {
  const t = await getTranslations("payments");
  // A bearer token is no ambient credential: only a call that rides on the session cookie must come from the
  // portal's own pages (a bad token is refused as such, never rescued by the cookie).
  // No credentials at all (neither a bearer token nor the session cookie) is a 401 with the Bearer challenge,
  // not a cross-site refusal: there is nothing a foreign page could ride on.
  if (!hasBearer(request) && !(await hasSessionCookie()))
    return requestError("authenticationFailed", t("errors.apiSignIn"), {
      headers: { "WWW-Authenticate": bearerChallenge("missing") },
    });
  if (!hasBearer(request)) {
    const refusal = cookieCallRefusal(request);
    if (refusal === "notJson") return requestError("notJson", t("errors.jsonRequired"));
    if (refusal) return requestError("crossSite", t("errors.invalidRequest"));
  }
  const caller = await routeCaller(request);
  if (!caller.user)
    return callerError(
      caller.problem,
      caller.problem === "missing" ? t("errors.signedOut") : t("errors.apiBadToken"),
      bearerChallenge(caller.problem),
    );
  const user = caller.user;

  // A payment is a dozen short fields: a larger body is refused before it is read (request-body.ts).
  const text = await readSmallBody(request);
  if (!text.ok && text.problem === "tooLarge") return requestError("tooLarge", t("errors.tooLarge"));
  let body: unknown;
  try {
    body = text.ok ? JSON.parse(text.text) : null;
  } catch {
    body = null;
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return requestError("invalidJson", t("errors.invalidRequest"));
  const parsed = await parsePayInput({ ...(body as Record<string, unknown>), accountId, invoiceId }, t, user.id);
  if (!parsed.ok) return requestError(parsed.problem, parsed.message, { fieldErrors: parsed.fieldErrors });

  const outcome = await payInvoice({ userId: user.id, ...parsed.request });
  return outcomeResponse(outcome, outcome.status === "succeeded" ? "" : outcomeMessage(outcome, t));
}
