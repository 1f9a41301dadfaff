"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";

import { cardEditSchema, translatedCardErrors } from "../card-schema";
import type { MethodActionState } from "../method-access";
import { editPaymentMethodAction } from "../profile-card-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";

export type EditableCard = {
  id: string;
  expMonth: number;
  expYear: number;
  holderName: string;
  country: string;
  postalCode: string;
};

/** Edit on a saved card: expiry, name on card and billing address in the card form's own fields. */
export function EditCardForm({
  accountId,
  card,
  label,
  nowIso,
}: {
  accountId: string;
  card: EditableCard;
  /** "Visa •••• 4242": names the card in the button and the form. */
  label: string;
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const initial: CardValues = {
    ...emptyCard,
    expMonth: String(card.expMonth),
    expYear: String(card.expYear),
    holderName: card.holderName,
    country: card.country,
    postalCode: card.postalCode,
  };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CardValues>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await editPaymentMethodAction(previous, formData);
      if (next.status === "ok") setOpen(false);
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const checked = cardEditSchema(now).safeParse(values);
    if (checked.success) return setClientErrors({});
    event.preventDefault();
    setClientErrors(translatedCardErrors(checked.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid")));
  };
  const title = t("profileMethods.editTitle", { card: label });

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
        <button
          type="button"
          className="text-brand hover:underline"
          aria-label={t("profileMethods.editLabel", { card: label })}
          onClick={() => {
            setValues(initial);
            setClientErrors({});
            setOpen(true);
          }}
        >
          {t("profileMethods.edit")}
        </button>
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
          <p className="text-xs text-ink-muted">{t("profileMethods.editIntro")}</p>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="paymentMethodId" value={card.id} />
          {state.status === "error" && (
            <MessageBar intent="error" role="alert">
              {state.message}
            </MessageBar>
          )}
          <CardFields
            variant="edit"
            values={values}
            onChange={setValues}
            errors={{ ...(state.fieldErrors ?? {}), ...clientErrors }}
            idPrefix={`edit-${card.id}`}
            currentYear={now.getUTCFullYear()}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? t("methods.saving") : t("profileMethods.saveChanges")}
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
