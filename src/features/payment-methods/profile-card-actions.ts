"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";

import type { Translator } from "@/i18n/translator";
import { idText } from "@/lib/ids";
import { cardFingerprint } from "@/server/card-fingerprint";
import { db } from "@/server/db";
import { worldNow } from "@/server/world-clock";

import { cardEditSchema, isCardExpired, newCardFields, newCardSchema, translatedCardErrors } from "./card-schema";
import { saveCard } from "./cards";
import {
  authoriseCardManagement,
  findCard,
  formText,
  revalidatePaymentMethods,
  type MethodActionState,
} from "./method-access";
import { newCardLimitPassed } from "./new-card-limit";

/**
 * Billing profiles › profile › Payment methods: Replace the default card and Edit a card. Each reads
 * the same way: parse (zod) → session → policy → the profile or card of this account → one transaction
 * → revalidate → a typed result in the user's language. Nothing of a card number is logged or kept
 * beyond what saveCard keeps (brand, last four, expiry, holder, address, keyed fingerprint).
 */

const editFields = ["expMonth", "expYear", "holderName", "country", "postalCode"] as const;
const replaceTarget = z.discriminatedUnion("choice", [
  z.object({
    accountId: idText(200),
    billingProfileId: idText(64),
    choice: z.literal("saved"),
    paymentMethodId: idText(64),
  }),
  z.object({
    accountId: idText(200),
    billingProfileId: idText(64),
    choice: z.literal("new"),
  }),
]);
const editTarget = z.object({ accountId: idText(200), paymentMethodId: idText(64) });

class Refusal extends Error {
  constructor(readonly key: "cardExpired" | "notFound" | "tooManyNewCards") {
    super(key);
  }
}

const cardErrors = (t: Translator<"payments">) => (key: string) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid");
const refusalMessage = (t: Translator<"payments">, key: Refusal["key"]) =>
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
  const profile = await db.billingProfile.findFirst({
    where: { id: target.data.billingProfileId, billingAccountId: target.data.accountId },
    select: { id: true },
  });
  if (!profile) return { status: "error", message: t("methods.notFound") };
  const clock = await worldNow(allowed.user.worldId);

  let newCard: { card: ReturnType<typeof newCardSchema>["_zod"]["output"]; fingerprint: string } | null = null;
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
  const savedId = target.data.choice === "saved" ? target.data.paymentMethodId : null;

  try {
    await db.$transaction(async (tx) => {
      let cardId: string;
      if (newCard) {
        const saved = await saveCard(tx, { billingProfileId: profile.id, ...newCard }, clock, allowed.user.id);
        // Counted after the insert, under the write lock: simultaneous saves cannot all pass.
        if (saved.created && (await newCardLimitPassed(profile.id, allowed.user.id, tx)))
          throw new Refusal("tooManyNewCards");
        cardId = saved.id;
      } else {
        const card = await tx.paymentMethod.findFirst({
          where: { id: savedId ?? "", billingProfileId: profile.id, removedAt: null },
        });
        if (!card) throw new Refusal("notFound");
        if (isCardExpired(card, clock)) throw new Refusal("cardExpired");
        cardId = card.id;
      }
      await tx.billingProfile.update({
        where: { id: profile.id },
        data: { defaultPaymentMethodId: cardId, defaultPaymentKind: "CARD" },
      });
    });
  } catch (error) {
    if (error instanceof Refusal) return { status: "error", message: refusalMessage(t, error.key) };
    throw error;
  }
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
  const updated = await db.$transaction((tx) =>
    tx.paymentMethod.updateMany({ where: { id: card.id, removedAt: null }, data: details.data }),
  );
  if (updated.count !== 1) return { status: "error", message: t("methods.notFound") };
  revalidatePaymentMethods(target.data.accountId, card.billingProfileId);
  return { status: "ok", message: t("profileMethods.edited") };
}
