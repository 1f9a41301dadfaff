import "server-only";

import { getTranslations } from "next-intl/server";

import { bearerChallenge, hasBearer, routeCaller } from "@/features/access/bearer";
import { cookieCallRefusal } from "@/features/access/origin";

import { outcomeMessage, parsePayInput } from "./pay-input";
import { payInvoice, type PayOutcome, type RefusalReason } from "./pay-invoice";

const refusalStatus: Record<RefusalReason, number> = {
  notFound: 404,
  notAdmin: 403,
  agreement: 403,
  notPayable: 409,
  aboveCardLimit: 422,
  notPositive: 422,
  belowMinimum: 422,
  aboveAmountDue: 422,
  cardNotUsable: 422,
  cardExpired: 422,
  balanceChanged: 409,
  keyReused: 409,
  keyMismatch: 422,
  tooManyDeclines: 429,
  tooManyNewCards: 429,
};

function httpStatus(outcome: PayOutcome): number {
  switch (outcome.status) {
    case "succeeded":
      return 200;
    case "declined":
      return 402;
    case "inProgress":
      return 409;
    case "refused":
      return refusalStatus[outcome.reason];
  }
}

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
  if (!hasBearer(request)) {
    const refusal = cookieCallRefusal(request);
    if (refusal === "notJson")
      return Response.json({ status: "error", message: t("errors.jsonRequired") }, { status: 415 });
    if (refusal) return Response.json({ status: "error", message: t("errors.invalidRequest") }, { status: 403 });
  }
  const caller = await routeCaller(request);
  if (!caller.user)
    return Response.json(
      { status: "error", message: t("errors.signedOut") },
      { status: 401, headers: { "WWW-Authenticate": bearerChallenge(caller.problem) } },
    );
  const user = caller.user;

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = null;
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return Response.json({ status: "error", message: t("errors.invalidRequest") }, { status: 400 });
  const parsed = await parsePayInput({ ...(body as Record<string, unknown>), accountId, invoiceId }, t, user.id);
  if (!parsed.ok)
    return Response.json(
      { status: "error", message: parsed.message, fieldErrors: parsed.fieldErrors },
      { status: 422 },
    );

  const outcome = await payInvoice({ userId: user.id, ...parsed.request });
  const payload = outcome.status === "succeeded" ? outcome : { ...outcome, message: outcomeMessage(outcome, t) };
  return Response.json(payload, { status: httpStatus(outcome), headers: { "Cache-Control": "no-store" } });
}
