import { cookies } from "next/headers";

import { sessionCookieName } from "@/features/access/session";
import { noStore } from "@/lib/request-errors";

import type { PayOutcome, RefusalReason } from "./pay-invoice";
import type { DeclineCode } from "./processor/test-cards";

/**
 * The payments API's error contract (docs/api.md): every answer that is not a
 * success carries `{ "error": { "code", "message" } }`, one stable code per
 * reason, so a script branches on the code and shows the message to a person.
 * The fields the route answered before (`status`, `message`, `fieldErrors`, a
 * decline's `code`) are kept beside it. Refusals of the request itself, which
 * the payment methods API shares, are in src/lib/request-errors.ts.
 */
export const refusalCodes: Record<RefusalReason, { status: number; code: string }> = {
  notFound: { status: 404, code: "InvoiceNotFound" },
  notAdmin: { status: 403, code: "NotBillingAccountAdmin" },
  agreement: { status: 403, code: "PayNowNotAvailable" },
  notPayable: { status: 409, code: "NotPayable" },
  aboveCardLimit: { status: 422, code: "AboveCardLimit" },
  notPositive: { status: 422, code: "AmountNotPositive" },
  belowMinimum: { status: 422, code: "AmountBelowMinimum" },
  aboveAmountDue: { status: 422, code: "AmountAboveAmountDue" },
  cardNotUsable: { status: 422, code: "PaymentMethodNotUsable" },
  cardExpired: { status: 422, code: "CardExpired" },
  balanceChanged: { status: 409, code: "BalanceChanged" },
  keyReused: { status: 409, code: "IdempotencyKeyReused" },
  keyMismatch: { status: 422, code: "IdempotencyKeyMismatch" },
  tooManyDeclines: { status: 429, code: "TooManyDeclines" },
  tooManyNewCards: { status: 429, code: "TooManyNewCards" },
};

/** The simulated processor's decline codes (processor/test-cards.ts), answered with HTTP 402. */
export const declineErrorCodes: Record<DeclineCode, string> = {
  generic_decline: "CardDeclined",
  insufficient_funds: "InsufficientFunds",
  expired_card: "ExpiredCard",
  incorrect_cvc: "IncorrectCvc",
  processing_error: "ProcessingError",
  prepaid_card: "PrepaidCardNotAccepted",
  virtual_card: "VirtualCardNotAccepted",
};

/** The answer to what payInvoice decided: the outcome as before, plus the error object when it is no success. */
export function outcomeResponse(outcome: PayOutcome, message: string): Response {
  switch (outcome.status) {
    case "succeeded":
      return Response.json(outcome, { headers: noStore });
    case "declined": {
      const error = { code: declineErrorCodes[outcome.code], message, declineCode: outcome.code };
      return Response.json({ ...outcome, message, error }, { status: 402, headers: noStore });
    }
    case "inProgress":
      return Response.json(
        { ...outcome, message, error: { code: "PaymentInProgress", message } },
        { status: 409, headers: noStore },
      );
    case "refused": {
      const { status, code } = refusalCodes[outcome.reason];
      return Response.json({ ...outcome, message, error: { code, message } }, { status, headers: noStore });
    }
  }
}

/** Whether the request carries the portal's session cookie at all (valid or not: the session decides that). */
export async function hasSessionCookie(): Promise<boolean> {
  return (await cookies()).has(sessionCookieName());
}
