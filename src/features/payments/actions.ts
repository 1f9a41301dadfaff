"use server";

import { randomUUID } from "node:crypto";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { billingAccountPath } from "@/features/access/paths";
import { safeReturnPath } from "@/features/access/return-path";
import { currentUser } from "@/features/access/session";
import { withQuery } from "@/lib/urls";

import { outcomeMessage, parsePayInput } from "./pay-input";
import { payInvoice } from "./pay-invoice";
import type { PayNowState } from "./pay-now-state";

/**
 * The Pay now blade's action: session → parse → (policy, in payInvoice) →
 * transactional, idempotent payment → revalidate → a typed result whose
 * messages are in the user's language. Card details never leave this request.
 */
export async function payInvoiceAction(_previous: PayNowState, formData: FormData): Promise<PayNowState> {
  const t = await getTranslations("payments");
  const freshKey = randomUUID();
  // The session first: a signed-out caller learns nothing from how the form is answered.
  const user = await currentUser();
  if (!user) return { status: "error", message: t("errors.signedOut"), nextKey: freshKey };

  const raw = Object.fromEntries(Array.from(formData.keys(), (key) => [key, formData.get(key)]));
  const parsed = await parsePayInput(raw, t, user.id);
  const submittedKey = typeof raw.idempotencyKey === "string" ? raw.idempotencyKey : freshKey;
  if (!parsed.ok)
    return {
      status: "error",
      message: parsed.message,
      fieldErrors: parsed.fieldErrors,
      nextKey: parsed.keyUnused ? submittedKey : freshKey,
    };

  const { request } = parsed;
  const outcome = await payInvoice({ userId: user.id, ...request });
  revalidatePath(`${billingAccountPath(request.accountId)}/invoices`);
  if (outcome.status === "succeeded") {
    if (outcome.paidInFull) {
      // The blade closes onto the grid, where the row now reads Paid and a notification confirms it.
      const returnTo = typeof raw.returnTo === "string" ? raw.returnTo : undefined;
      const target = safeReturnPath(returnTo ?? `${billingAccountPath(request.accountId)}/invoices`);
      redirect(withQuery(target, { paid: outcome.paymentId }));
    }
    return {
      status: "succeeded",
      paymentId: outcome.paymentId,
      amountMinor: outcome.amountMinor,
      paidInFull: false,
      nextKey: freshKey,
    };
  }
  if (outcome.status === "declined")
    return { status: "declined", message: outcomeMessage(outcome, t), retryable: outcome.retryable, nextKey: freshKey };
  // In progress: the same key must be retried to learn the result.
  return {
    status: "error",
    message: outcomeMessage(outcome, t),
    nextKey: outcome.status === "inProgress" ? request.idempotencyKey : freshKey,
  };
}
