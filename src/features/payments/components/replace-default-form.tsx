"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";

import { newCardSchema, translatedCardErrors } from "../card-schema";
import type { MethodActionState } from "../method-access";
import { replaceDefaultPaymentMethodAction } from "../profile-card-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";

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
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
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
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (choice !== "new") return setClientErrors({});
    const checked = newCardSchema(now).safeParse(card);
    if (checked.success) return setClientErrors({});
    event.preventDefault();
    setClientErrors(translatedCardErrors(checked.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid")));
  };
  const title = t("profileMethods.replaceTitle");

  return (
    <div>
      <div aria-live="polite">
        {state.status === "ok" && !open && (
          <MessageBar intent="success" role="status">
            {state.message}
          </MessageBar>
        )}
      </div>
      {!open ? (
        <Button type="button" className="mt-2" onClick={() => setOpen(true)}>
          {t("profileMethods.replace")}
        </Button>
      ) : (
        <form
          action={action}
          onSubmit={onSubmit}
          onReset={keepControlledValues}
          noValidate
          aria-label={title}
          className="mt-2 flex max-w-md flex-col gap-3 rounded border border-stroke-subtle p-3"
        >
          <h3 className="font-semibold">{title}</h3>
          <p className="text-xs text-ink-muted">{t("profileMethods.replaceIntro", { name: profileName })}</p>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="billingProfileId" value={billingProfileId} />
          <input type="hidden" name="choice" value={choice.startsWith("saved:") ? "saved" : choice} />
          {choice.startsWith("saved:") && (
            <input type="hidden" name="paymentMethodId" value={choice.slice("saved:".length)} />
          )}
          {state.status === "error" && (
            <MessageBar intent="error" role="alert">
              {state.message}
            </MessageBar>
          )}
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
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={pending || !choice}>
              {pending ? t("methods.saving") : t("profileMethods.replaceSubmit")}
            </Button>
            <Button type="button" onClick={() => setOpen(false)}>
              {t("payNow.cancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
