"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";

import { newCardSchema, translatedCardErrors } from "../card-schema";
import { addPaymentMethodAction, type MethodActionState } from "../method-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";

/** Add a card to a billing profile: the same fields and rules as Pay now's new card. */
export function AddCardForm({
  accountId,
  billingProfileId,
  profileName,
  nowIso,
}: {
  accountId: string;
  billingProfileId: string;
  profileName: string;
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = useState(false);
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await addPaymentMethodAction(previous, formData);
      if (next.status === "ok") {
        setCard(emptyCard);
        setOpen(false);
      }
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const checked = newCardSchema(now).safeParse(card);
    if (checked.success) return setClientErrors({});
    event.preventDefault();
    setClientErrors(translatedCardErrors(checked.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid")));
  };

  return (
    <div className="mt-3">
      <div aria-live="polite">
        {state.status === "ok" && !open && (
          <MessageBar intent="success" role="status">
            {state.message}
          </MessageBar>
        )}
      </div>
      {!open ? (
        <Button type="button" className="mt-2" onClick={() => setOpen(true)}>
          {t("methods.add")}
        </Button>
      ) : (
        <form
          action={action}
          onSubmit={onSubmit}
          onReset={keepControlledValues}
          noValidate
          className="mt-2 flex max-w-md flex-col gap-3 border-t border-stroke-subtle pt-3"
          aria-label={t("methods.addTitle", { name: profileName })}
        >
          <h3 className="font-semibold">{t("methods.addTitle", { name: profileName })}</h3>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="billingProfileId" value={billingProfileId} />
          {state.status === "error" && (
            <MessageBar intent="error" role="alert">
              {state.message}
            </MessageBar>
          )}
          <CardFields
            values={card}
            onChange={setCard}
            errors={{ ...(state.fieldErrors ?? {}), ...clientErrors }}
            idPrefix={`add-${billingProfileId}`}
            currentYear={now.getUTCFullYear()}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? t("methods.saving") : t("methods.save")}
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
