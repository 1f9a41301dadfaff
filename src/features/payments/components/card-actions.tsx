"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { removePaymentMethodAction, setDefaultPaymentMethodAction, type MethodActionState } from "../method-actions";

type CardAction = typeof setDefaultPaymentMethodAction;

/** One button that runs a card action for one card, with its own pending state and error. */
function CardActionButton({
  action,
  accountId,
  paymentMethodId,
  label,
  text,
  className,
}: {
  action: CardAction;
  accountId: string;
  paymentMethodId: string;
  label: string;
  text: string;
  className: string;
}) {
  const [state, run, pending] = useActionState<MethodActionState, FormData>(action, { status: "idle" });
  return (
    <form action={run} className="flex items-center gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="paymentMethodId" value={paymentMethodId} />
      <button type="submit" disabled={pending} aria-label={label} className={className}>
        {text}
      </button>
      {state.status === "error" && (
        <p role="alert" className="text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function CardActions({
  accountId,
  paymentMethodId,
  label,
  canSetDefault,
  canRemove,
}: {
  accountId: string;
  paymentMethodId: string;
  label: string;
  canSetDefault: boolean;
  canRemove: boolean;
}) {
  const t = useTranslations("payments.methods");
  return (
    <div className="flex flex-wrap items-center gap-3">
      {canSetDefault && (
        <CardActionButton
          action={setDefaultPaymentMethodAction}
          accountId={accountId}
          paymentMethodId={paymentMethodId}
          label={t("setDefaultLabel", { card: label })}
          text={t("setDefault")}
          className="text-brand hover:underline"
        />
      )}
      {canRemove && (
        <CardActionButton
          action={removePaymentMethodAction}
          accountId={accountId}
          paymentMethodId={paymentMethodId}
          label={t("removeLabel", { card: label })}
          text={t("remove")}
          className="text-danger hover:underline"
        />
      )}
    </div>
  );
}
