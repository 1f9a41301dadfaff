"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";

import type { Translator } from "@/i18n/translator";
import { accountIdText, cardIdText, profileIdText } from "@/lib/ids";
import { cardFingerprint } from "@/server/card-fingerprint";
import { worldNow } from "@/server/world-clock";

import { editCard, findProfileOfAccount, replaceDefaultCard, type CardRefusal, type TypedCard } from "./card-changes";
import { cardEditSchema, newCardFields, newCardSchema, translatedCardErrors } from "./card-schema";
import {
  authoriseCardManagement,
  findCard,
  formText,
  revalidatePaymentMethods,
  type MethodActionState,
} from "./method-access";

/**
 * Billing profiles › profile › Payment methods: Replace the default card and Edit a card. Each reads
 * the same way: parse (zod) → session → policy → the profile or card of this account → one transaction
 * → revalidate → a typed result in the user's language. Nothing of a card number is logged or kept
 * beyond what saveCard keeps (brand, last four, expiry, holder, address, keyed fingerprint).
 */

const editFields = ["expMonth", "expYear", "holderName", "country", "postalCode"] as const;
const replaceTarget = z.discriminatedUnion("choice", [
  z.object({
    accountId: accountIdText,
    billingProfileId: profileIdText,
    choice: z.literal("saved"),
    paymentMethodId: cardIdText,
  }),
  z.object({
    accountId: accountIdText,
    billingProfileId: profileIdText,
    choice: z.literal("new"),
  }),
]);
const editTarget = z.object({ accountId: accountIdText, paymentMethodId: cardIdText });

const cardErrors = (t: Translator<"payments">) => (key: string) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid");
const refusalMessage = (t: Translator<"payments">, key: CardRefusal) =>
  key === "cardExpired" ? t("refusals.cardExpired") : t(`methods.${key}`);

/** Replace: another saved card of the profile, or a new card saved on it, becomes its default payment method. */
export async function replaceDefaultPaymentMethodAction(
  _previous: MethodActionState,
  formData: FormData,
): Promise<MethodActionState> {
  const t = await getTranslations("payments");
  const target = replaceTarget.safeParse({
    accountId: formText(formData, "accountId"),
    billingProfileId: formText(formData, "billingProfileId"),
    choice: formText(formData, "choice"),
    paymentMethodId: formText(formData, "paymentMethodId") || undefined,
  });
  if (!target.success) {
    const chose = formText(formData, "choice");
    return { status: "error", message: chose ? t("errors.invalidRequest") : t("profileMethods.chooseCard") };
  }
  const allowed = await authoriseCardManagement(target.data.accountId);
  if (!allowed) return { status: "error", message: t("methods.notAllowed") };
  const profile = await findProfileOfAccount(target.data.accountId, target.data.billingProfileId);
  if (!profile) return { status: "error", message: t("methods.notFound") };
  const clock = await worldNow(allowed.user.worldId);

  let newCard: TypedCard | null = null;
  if (target.data.choice === "new") {
    const card = newCardSchema(clock).safeParse(
      Object.fromEntries(newCardFields.map((name) => [name, formText(formData, name)])),
    );
    if (!card.success)
      return {
        status: "error",
        message: t("errors.checkCard"),
        fieldErrors: translatedCardErrors(card.error, cardErrors(t)),
      };
    newCard = { card: card.data, fingerprint: cardFingerprint(card.data.cardNumber) };
  }
  const refusal = await replaceDefaultCard(
    profile.id,
    newCard ? { newCard } : { savedId: target.data.choice === "saved" ? target.data.paymentMethodId : "" },
    clock,
    allowed.user.id,
  );
  if (refusal) return { status: "error", message: refusalMessage(t, refusal) };
  revalidatePaymentMethods(target.data.accountId, profile.id);
  return { status: "ok", message: t("profileMethods.replaced") };
}

/** Edit: a saved card's expiry, name on card and billing address — never its number. */
export async function editPaymentMethodAction(
  _previous: MethodActionState,
  formData: FormData,
): Promise<MethodActionState> {
  const t = await getTranslations("payments");
  const target = editTarget.safeParse({
    accountId: formText(formData, "accountId"),
    paymentMethodId: formText(formData, "paymentMethodId"),
  });
  if (!target.success) return { status: "error", message: t("errors.invalidRequest") };
  const allowed = await authoriseCardManagement(target.data.accountId);
  if (!allowed) return { status: "error", message: t("methods.notAllowed") };
  const details = cardEditSchema(await worldNow(allowed.user.worldId)).safeParse(
    Object.fromEntries(editFields.map((name) => [name, formText(formData, name)])),
  );
  const card = await findCard(target.data.accountId, target.data.paymentMethodId);
  if (!card) return { status: "error", message: t("methods.notFound") };
  if (!details.success)
    return {
      status: "error",
      message: t("errors.checkCard"),
      fieldErrors: translatedCardErrors(details.error, cardErrors(t)),
    };
  if (!(await editCard(card.id, details.data))) return { status: "error", message: t("methods.notFound") };
  revalidatePaymentMethods(target.data.accountId, card.billingProfileId);
  return { status: "ok", message: t("profileMethods.edited") };
}
