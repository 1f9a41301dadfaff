"use server";

import { randomUUID } from "node:crypto";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { billingAccountPath } from "@/features/access/paths";
import { currentUser } from "@/features/access/session";
import { outcomeMessage, parsePayMethod } from "@/features/payments/pay-input";
import { worldNow } from "@/server/world-clock";

import { settleBalance } from "./settle-balance";
import type { SettleState } from "./settle-state";

const target = z.object({ accountId: z.string().min(1).max(200), settleAttemptId: z.uuid() });

/**
 * The Settle balance blade's action: session → parse (the card form's rules, as Pay now) → policy and
 * one idempotent payment per past-due invoice (settleBalance) → revalidate → each invoice's outcome in
 * the user's language. Card details never leave this request.
 */
export async function settleBalanceAction(_previous: SettleState, formData: FormData): Promise<SettleState> {
  const t = await getTranslations("payments");
  const fresh = randomUUID();
  const user = await currentUser();
  if (!user) return { status: "error", message: t("errors.signedOut"), nextAttemptId: fresh };
  const raw = Object.fromEntries(Array.from(formData.keys(), (key) => [key, formData.get(key)]));
  const parsed = target.safeParse({ accountId: raw.accountId, settleAttemptId: raw.settleAttemptId });
  if (!parsed.success) return { status: "error", message: t("errors.invalidRequest"), nextAttemptId: fresh };
  const { accountId, settleAttemptId } = parsed.data;
  const method = parsePayMethod(raw, t, await worldNow(user.worldId));
  if (!method.ok)
    return {
      status: "error",
      message: method.message,
      fieldErrors: method.fieldErrors,
      nextAttemptId: settleAttemptId,
    };

  const outcome = await settleBalance({ userId: user.id, accountId, settleAttemptId, method: method.method });
  revalidatePath(billingAccountPath(accountId));
  revalidatePath(`${billingAccountPath(accountId)}/invoices`);
  if (outcome.status === "refused") {
    const message = outcome.reason === "nothingPastDue" ? t("settle.nothingPastDue") : t(`refusals.${outcome.reason}`);
    return { status: "error", message, nextAttemptId: fresh };
  }
  const results = outcome.invoices.map(({ invoiceId, amountMinor, currency, outcome: paid }) =>
    paid.status === "succeeded"
      ? { invoiceId, amountMinor, currency, status: paid.status }
      : { invoiceId, amountMinor, currency, status: paid.status, message: outcomeMessage(paid, t) },
  );
  // Still in progress: the same attempt must be retried to learn the result (its keys replay).
  const inProgress = results.some((result) => result.status === "inProgress");
  return { status: "settled", results, nextAttemptId: inProgress ? settleAttemptId : fresh };
}
