import "server-only";

import { z } from "zod";

import { loadBillingScope } from "@/features/access/scope";
import {
  newCardFields,
  newCardSchema,
  translatedCardErrors,
  type CardField,
} from "@/features/payment-methods/card-schema";
import type { Translator } from "@/i18n/translator";
import { accountIdText, invoiceIdText, isIdText } from "@/lib/ids";
import { parseMajorAmount } from "@/lib/money";
import { db } from "@/server/db";
import { userNow } from "@/server/world-clock";

import type { PayMethod, PayOutcome, PayRequest } from "./pay-invoice";

const payInputSchema = z.object({
  accountId: accountIdText,
  invoiceId: invoiceIdText,
  idempotencyKey: z.uuid(),
  method: z.enum(["saved", "new"]),
  paymentMethodId: z.string().max(64).refine(isIdText).optional(),
  /** Major units as typed ("1234.56"), only for a partial payment. */
  amount: z.string().max(32).optional(),
});

export type ParsedPayInput =
  | { ok: true; request: Omit<PayRequest, "userId"> }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** whether the same key may be used again */ keyUnused: boolean;
      /** what is wrong, for the payments API's error code (api-errors.ts) */ problem: PayInputProblem;
    };

export type PayInputProblem =
  "invalidRequest" | "invalidAmount" | "invoiceNotFound" | "paymentMethodRequired" | "invalidCard";

/**
 * A card field as the card form's schema reads it: text, or — for the expiry, which JSON callers naturally send
 * as numbers — a whole number written out (the form itself only ever sends text, so the blade is unchanged).
 */
function cardFieldText(field: CardField, value: unknown): string {
  if (typeof value === "string") return value;
  if ((field === "expMonth" || field === "expYear") && Number.isSafeInteger(value)) return String(value);
  return "";
}

const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * One parser for a payment request, whether it comes from the Pay now form
 * (server action) or from JSON (route handler): the same zod schemas, the
 * same messages, so both paths accept and refuse exactly the same input.
 */
export async function parsePayInput(
  raw: Record<string, unknown>,
  t: Translator<"payments">,
  userId: string,
): Promise<ParsedPayInput> {
  const parsed = payInputSchema.safeParse({
    accountId: str(raw.accountId),
    invoiceId: str(raw.invoiceId),
    idempotencyKey: str(raw.idempotencyKey),
    method: str(raw.method),
    paymentMethodId: str(raw.paymentMethodId),
    amount: str(raw.amount),
  });
  if (!parsed.success)
    return { ok: false, message: t("errors.invalidRequest"), keyUnused: false, problem: "invalidRequest" };
  const input = parsed.data;
  // An amount that is not text (a JSON number, an object, a file) is not "no amount":
  // read as omitted, it would charge the whole amount due instead of the part asked for.
  if (raw.amount !== undefined && raw.amount !== null && typeof raw.amount !== "string") {
    return {
      ok: false,
      message: t("errors.amountFormat"),
      fieldErrors: { amount: t("errors.amountFormat") },
      keyUnused: true,
      problem: "invalidAmount",
    };
  }

  let amountMinor: number | undefined;
  if (input.amount !== undefined) {
    // The invoice's currency, only for a user with a role on its account: for anyone
    // else it does not exist, whatever the amount typed (no existence oracle).
    const scope = await loadBillingScope(userId, input.accountId);
    const invoice = scope
      ? await db.invoice.findFirst({
          where: { id: input.invoiceId, billingAccountId: input.accountId },
          select: { currency: true },
        })
      : null;
    if (!invoice) return { ok: false, message: t("refusals.notFound"), keyUnused: false, problem: "invoiceNotFound" };
    const value = parseMajorAmount(input.amount, invoice.currency);
    if (value === null)
      return {
        ok: false,
        message: t("errors.amountFormat"),
        fieldErrors: { amount: t("errors.amountFormat") },
        keyUnused: true,
        problem: "invalidAmount",
      };
    amountMinor = value;
  }

  const method = parsePayMethod(raw, t, await userNow(userId));
  if (!method.ok) return method;
  return {
    ok: true,
    request: {
      accountId: input.accountId,
      invoiceId: input.invoiceId,
      idempotencyKey: input.idempotencyKey,
      amountMinor,
      method: method.method,
    },
  };
}

/**
 * The payment method of a request — a saved card's ID, or a new card checked by the card form's
 * schema — with the same messages wherever a card pays (Pay now, the payments API, Settle balance).
 */
export function parsePayMethod(
  raw: Record<string, unknown>,
  t: Translator<"payments">,
  clock: Date,
):
  | { ok: true; method: PayMethod }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; keyUnused: true; problem: PayInputProblem } {
  if (raw.method === "saved") {
    const id = str(raw.paymentMethodId);
    if (!id || id.length > 64)
      return { ok: false, message: t("errors.chooseMethod"), keyUnused: true, problem: "paymentMethodRequired" };
    return { ok: true, method: { kind: "saved", paymentMethodId: id } };
  }
  if (raw.method !== "new")
    return { ok: false, message: t("errors.chooseMethod"), keyUnused: true, problem: "paymentMethodRequired" };
  const card = newCardSchema(clock).safeParse(
    Object.fromEntries(newCardFields.map((field) => [field, cardFieldText(field, raw[field])])),
  );
  if (!card.success) {
    const fieldErrors = translatedCardErrors(card.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid"));
    return { ok: false, message: t("errors.checkCard"), fieldErrors, keyUnused: true, problem: "invalidCard" };
  }
  return { ok: true, method: { kind: "new", card: card.data } };
}

/** The sentence a person reads for an outcome that is not a success. */
export function outcomeMessage(
  outcome: Exclude<PayOutcome, { status: "succeeded" }>,
  t: Translator<"payments">,
): string {
  switch (outcome.status) {
    case "declined":
      return t(`declines.${outcome.code}`);
    case "inProgress":
      return t("errors.inProgress");
    case "refused":
      return t(`refusals.${outcome.reason}`);
  }
}
