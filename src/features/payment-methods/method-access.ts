import "server-only";

import { revalidatePath } from "next/cache";

import { billingAccountPath, billingProfilePaymentMethodsPath } from "@/features/access/paths";
import { canManagePaymentMethods } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { currentUser } from "@/features/access/session";
import { db } from "@/server/db";

/** What a payment-method action answers: ok, or an error with a message and messages per field. */
export type MethodActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
};

/** A form field as text ("" when missing or a file): zod then says what is wrong with it. */
export function formText(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/**
 * Session and policy for managing the cards of a billing account; null when not allowed. The billing
 * account admin manages every profile's cards (docs/product.md's roles; profile-level roles are not modelled).
 */
export async function authoriseCardManagement(accountId: string) {
  const user = await currentUser();
  if (!user) return null;
  const scope = await loadBillingScope(user.id, accountId);
  return scope && canManagePaymentMethods(scope.access) ? { user, scope } : null;
}

/** The card, if it belongs to this account and is still on file. */
export async function findCard(accountId: string, paymentMethodId: string) {
  return db.paymentMethod.findFirst({
    where: { id: paymentMethodId, removedAt: null, billingProfile: { billingAccountId: accountId } },
    include: { billingProfile: true },
  });
}

/** The account-level summary and the profile's own page both show the cards: both are refreshed. */
export function revalidatePaymentMethods(accountId: string, profileId: string): void {
  revalidatePath(`${billingAccountPath(accountId)}/payment-methods`);
  revalidatePath(billingProfilePaymentMethodsPath(accountId, profileId));
}
