"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";

import type { Translator } from "@/i18n/translator";
import { accountIdText, cardIdText, profileIdText } from "@/lib/ids";
import { cardFingerprint } from "@/server/card-fingerprint";
import { worldNow } from "@/server/world-clock";

import { addCard, findProfileOfAccount, makeDefaultCard, removeCard } from "./card-changes";
import { isCardExpired, newCardFields, newCardSchema, translatedCardErrors } from "./card-schema";
import {
  authoriseCardManagement as authorise,
  formText as field,
  findCard,
  revalidatePaymentMethods,
  type MethodActionState,
} from "./method-access";

export type { MethodActionState } from "./method-access";

const ids = z.object({ accountId: accountIdText, paymentMethodId: cardIdText });

export async function addPaymentMethodAction(
  _previous: MethodActionState,
  formData: FormData,
): Promise<MethodActionState> {
  const t = await getTranslations("payments");
  const target = z
    .object({ accountId: accountIdText, billingProfileId: profileIdText })
    .safeParse({ accountId: field(formData, "accountId"), billingProfileId: field(formData, "billingProfileId") });
  if (!target.success) return { status: "error", message: t("errors.invalidRequest") };
  const allowed = await authorise(target.data.accountId);
  if (!allowed) return { status: "error", message: t("methods.notAllowed") };
  const profile = await findProfileOfAccount(target.data.accountId, target.data.billingProfileId);
  if (!profile) return { status: "error", message: t("methods.notFound") };

  const clock = await worldNow(allowed.user.worldId);
  const card = newCardSchema(clock).safeParse(
    Object.fromEntries(newCardFields.map((name) => [name, field(formData, name)])),
  );
  if (!card.success) {
    const fieldErrors = translatedCardErrors(card.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid"));
    return { status: "error", message: t("errors.checkCard"), fieldErrors };
  }
  const typed = { card: card.data, fingerprint: cardFingerprint(card.data.cardNumber) };
  const saved = await addCard(profile.id, typed, clock, allowed.user.id);
  if (!saved) return { status: "error", message: t("methods.tooManyNewCards") };
  revalidatePaymentMethods(target.data.accountId, profile.id);
  return { status: "ok", message: t("methods.added") };
}

type CardChange = (
  card: NonNullable<Awaited<ReturnType<typeof findCard>>>,
  t: Translator<"payments">,
  clock: Date,
) => Promise<MethodActionState>;

/** Parse → session → policy → the card of this account, then `change` it; shared by set-default and remove. */
async function changeCard(formData: FormData, change: CardChange): Promise<MethodActionState> {
  const t = await getTranslations("payments");
  const parsed = ids.safeParse({
    accountId: field(formData, "accountId"),
    paymentMethodId: field(formData, "paymentMethodId"),
  });
  if (!parsed.success) return { status: "error", message: t("errors.invalidRequest") };
  const allowed = await authorise(parsed.data.accountId);
  if (!allowed) return { status: "error", message: t("methods.notAllowed") };
  const card = await findCard(parsed.data.accountId, parsed.data.paymentMethodId);
  if (!card) return { status: "error", message: t("methods.notFound") };
  const result = await change(card, t, await worldNow(allowed.user.worldId));
  revalidatePaymentMethods(parsed.data.accountId, card.billingProfileId);
  return result;
}

export async function setDefaultPaymentMethodAction(
  _previous: MethodActionState,
  formData: FormData,
): Promise<MethodActionState> {
  return changeCard(formData, async (card, t, clock) => {
    if (isCardExpired(card, clock)) return { status: "error", message: t("refusals.cardExpired") };
    await makeDefaultCard(card);
    return { status: "ok", message: t("methods.defaultSet") };
  });
}

export async function removePaymentMethodAction(
  _previous: MethodActionState,
  formData: FormData,
): Promise<MethodActionState> {
  return changeCard(formData, async (card, t, clock) => {
    const refusal = await removeCard(card, clock);
    if (refusal === "cannotRemoveDefault") return { status: "error", message: t("methods.cannotRemoveDefault") };
    if (refusal) return { status: "error", message: t("methods.cannotRemovePending") };
    return { status: "ok", message: t("methods.removed") };
  });
}
