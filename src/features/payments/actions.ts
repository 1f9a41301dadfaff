"use server";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/features/access/session";
import { billingAccountPath } from "@/features/access/paths";
import { safeReturnPath } from "@/features/access/return-path";
import { parseMajorAmount } from "@/lib/money";
import { db } from "@/server/db";
import { now } from "@/server/clock";
import { translatedCardErrors, newCardSchema, type CardField } from "./card-schema";
import { payInvoice, type PayMethod } from "./pay-invoice";
import type { PayNowState } from "./pay-now-state";

const payFormSchema = z.object({
  accountId: z.string().min(1).max(200),
  invoiceId: z.string().min(1).max(40),
  idempotencyKey: z.uuid(),
  method: z.enum(["saved", "new"]),
  paymentMethodId: z.string().max(64).optional(),
  /** Major units as typed ("1234.56"), only for a partial payment. */
  amount: z.string().max(32).optional(),
  /** Where the closed blade returns to (the grid with its filters). */
  returnTo: z.string().max(2048).optional(),
});

const cardFields: CardField[] = ["cardNumber", "expMonth", "expYear", "cvc", "holderName", "country", "postalCode"];

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

/**
 * The Pay now blade's action: parse → session → (policy, in payInvoice) →
 * transactional, idempotent payment → revalidate → a typed result whose
 * messages are in the user's language. Card details never leave this request.
 */
export async function payInvoiceAction(_previous: PayNowState, formData: FormData): Promise<PayNowState> {
  const t = await getTranslations("payments");
  const freshKey = randomUUID();
  const parsed = payFormSchema.safeParse({
    accountId: text(formData, "accountId"),
    invoiceId: text(formData, "invoiceId"),
    idempotencyKey: text(formData, "idempotencyKey"),
    method: text(formData, "method"),
    paymentMethodId: text(formData, "paymentMethodId") || undefined,
    amount: text(formData, "amount") || undefined,
    returnTo: text(formData, "returnTo") || undefined,
  });
  if (!parsed.success) return { status: "error", message: t("errors.invalidRequest"), nextKey: freshKey };

  const user = await currentUser();
  if (!user) return { status: "error", message: t("errors.signedOut"), nextKey: freshKey };

  const input = parsed.data;
  let amountMinor: number | undefined;
  if (input.amount !== undefined) {
    const invoice = await db.invoice.findFirst({ where: { id: input.invoiceId, billingAccountId: input.accountId }, select: { currency: true } });
    const parsedAmount = invoice ? parseMajorAmount(input.amount, invoice.currency) : null;
    if (parsedAmount === null) return { status: "error", message: t("errors.amountFormat"), fieldErrors: { amount: t("errors.amountFormat") }, nextKey: input.idempotencyKey };
    amountMinor = parsedAmount;
  }

  let method: PayMethod;
  if (input.method === "saved") {
    if (!input.paymentMethodId) return { status: "error", message: t("errors.chooseMethod"), nextKey: input.idempotencyKey };
    method = { kind: "saved", paymentMethodId: input.paymentMethodId };
  } else {
    const card = newCardSchema(now()).safeParse(Object.fromEntries(cardFields.map((field) => [field, text(formData, field) ?? ""])));
    if (!card.success) {
      const fieldErrors = translatedCardErrors(card.error, (key) => t(`cardErrors.${key}` as "cardErrors.cardNumberInvalid"));
      return { status: "error", message: t("errors.checkCard"), fieldErrors, nextKey: input.idempotencyKey };
    }
    method = { kind: "new", card: card.data };
  }

  const outcome = await payInvoice({ userId: user.id, accountId: input.accountId, invoiceId: input.invoiceId, idempotencyKey: input.idempotencyKey, amountMinor, method });
  revalidatePath(`${billingAccountPath(input.accountId)}/invoices`);
  switch (outcome.status) {
    case "succeeded":
      if (outcome.paidInFull) {
        // The blade closes onto the grid, where the row now reads Paid and a notification confirms it.
        const target = safeReturnPath(input.returnTo ?? `${billingAccountPath(input.accountId)}/invoices`);
        redirect(`${target}${target.includes("?") ? "&" : "?"}paid=${encodeURIComponent(outcome.paymentId)}`);
      }
      return { status: "succeeded", paymentId: outcome.paymentId, amountMinor: outcome.amountMinor, paidInFull: outcome.paidInFull, nextKey: freshKey };
    case "declined":
      return { status: "declined", message: t(`declines.${outcome.code}`), retryable: outcome.retryable, nextKey: freshKey };
    case "inProgress":
      return { status: "error", message: t("errors.inProgress"), nextKey: input.idempotencyKey };
    case "refused":
      return { status: "error", message: t(`refusals.${outcome.reason}`), nextKey: freshKey };
  }
}
