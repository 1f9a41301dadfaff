"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";

import { newCardSchema } from "../card-schema";
import type { MethodActionState } from "../method-access";
import { replaceDefaultPaymentMethodAction } from "../profile-card-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";
import { CardMethodPanel } from "./card-method-panel";
import { useCardCheck } from "./use-card-check";

/** A card of the profile that may become its default (on file, not expired). */
export type ReplacementCard = { id: string; label: string };

/**
 * Replace, under "Default payment method": choose another card on file or add a new one (the card
 * form and rules of Pay now); the choice becomes the billing profile's default payment method.
 */
export function ReplaceDefaultForm({
  accountId,
  billingProfileId,
  profileName,
  cards,
  nowIso,
}: {
  accountId: string;
  billingProfileId: string;
  profileName: string;
  cards: ReplacementCard[];
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const { clientErrors, checkCard } = useCardCheck();
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await replaceDefaultPaymentMethodAction(previous, formData);
      if (next.status === "ok") {
        setCard(emptyCard);
        setChoice("");
        setOpen(false);
      }
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);
  const saved = choice.startsWith("saved:") ? choice.slice("saved:".length) : null;

  return (
    <div>
      <CardMethodPanel
        open={open}
        opener={
          <Button type="button" className="mt-2" onClick={() => setOpen(true)}>
            {t("profileMethods.replace")}
          </Button>
        }
        onClose={() => setOpen(false)}
        state={state}
        action={action}
        onSubmit={(event) => checkCard(event, choice === "new" ? newCardSchema(now) : null, card)}
        pending={pending}
        title={t("profileMethods.replaceTitle")}
        intro={t("profileMethods.replaceIntro", { name: profileName })}
        hidden={{
          accountId,
          billingProfileId,
          choice: saved ? "saved" : choice,
          ...(saved ? { paymentMethodId: saved } : {}),
        }}
        submitLabel={t("profileMethods.replaceSubmit")}
        submitDisabled={!choice}
        className="rounded border border-stroke-subtle p-3"
      >
        <fieldset>
          <legend className="mb-2 text-[13px] font-semibold">{t("profileMethods.replaceChoose")}</legend>
          <ul className="flex flex-col gap-1">
            {[
              ...cards.map((saved) => ({ value: `saved:${saved.id}`, label: saved.label })),
              {
                value: "new",
                label: t("profileMethods.replaceNew"),
              },
            ].map((option) => (
              <li key={option.value}>
                <label
                  className={`flex items-center gap-2 rounded border px-3 py-2 text-[13px] ${choice === option.value ? "border-brand bg-brand-subtle" : "border-stroke"}`}
                >
                  <input
                    type="radio"
                    name="replaceChoice"
                    value={option.value}
                    checked={choice === option.value}
                    onChange={() => setChoice(option.value)}
                  />
                  <span>{option.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {choice === "new" && (
          <CardFields
            values={card}
            onChange={setCard}
            errors={{ ...(state.fieldErrors ?? {}), ...clientErrors }}
            idPrefix={`replace-${billingProfileId}`}
            currentYear={now.getUTCFullYear()}
          />
        )}
      </CardMethodPanel>
    </div>
  );
}
