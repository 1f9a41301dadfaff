"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";

import { Button, buttonClass } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";
import { showToast } from "@/components/ui/toaster";
import { newCardSchema } from "@/features/payment-methods/card-schema";
import { emptyCard, type CardValues } from "@/features/payment-methods/components/card-fields";
import { PaymentMethodPicker } from "@/features/payment-methods/components/payment-method-picker";
import { useCardCheck } from "@/features/payment-methods/components/use-card-check";
import type { PayNowCard } from "@/features/payment-methods/queries";
import { useAmountInputText, useFormatMoney } from "@/i18n/use-money";

import { payInvoiceAction } from "../actions";
import type { PayNowState } from "../pay-now-state";

type Props = {
  accountId: string;
  invoiceId: string;
  currency: string;
  amountDueMinor: number;
  minimumPartialMinor: number;
  /** Partial payments are offered on this account after a failed payment (pay-bill: pay-as-you-go only). */
  partialPayments: boolean;
  cards: PayNowCard[];
  initialKey: string;
  closeHref: string;
  nowIso: string;
};

/** Select a payment method → Pay now, with declines, partial payments and progress. */
export function PayNowForm({
  accountId,
  invoiceId,
  currency,
  amountDueMinor,
  minimumPartialMinor,
  partialPayments,
  cards,
  initialKey,
  closeHref,
  nowIso,
}: Props) {
  const t = useTranslations("payments");
  const router = useRouter();
  const money = useFormatMoney();
  const amountText = useAmountInputText();
  const [method, setMethod] = useState<string>("");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const { checkCard, liveErrors } = useCardCheck();
  const [partial, setPartial] = useState(false);
  const [amount, setAmount] = useState("");
  // Paying in full redirects from the server (the blade closes); a part paid keeps the blade open for the rest.
  const [state, action, pending] = useActionState<PayNowState, FormData>(
    async (previous, formData) => {
      const next = await payInvoiceAction(previous, formData);
      if (next.status === "succeeded") {
        showToast(t("toast.succeeded", { amount: money(next.amountMinor, currency), invoice: invoiceId }));
        setCard(emptyCard);
        setMethod("");
        setAmount("");
      }
      return next;
    },
    { status: "idle", nextKey: initialKey },
  );
  const now = new Date(nowIso);

  // pay-bill's "Partial payments": for pay-as-you-go customers whose Pay now payment failed, Azure offers to
  // split the amount across cards (and keeps offering it while a part remains). Not on an MCA account.
  const partialOffered =
    partialPayments && (state.status === "declined" || (state.status === "succeeded" && !state.paidInFull));

  const fieldErrors = liveErrors(state.status === "error" ? state.fieldErrors : undefined, card);
  // A decline (or a refusal that names no field) takes focus to its message: the button that held focus was
  // disabled while the payment ran, which dropped focus on <body>. Field errors focus their first field (CardFields).
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "declined" || (state.status === "error" && !Object.keys(state.fieldErrors ?? {}).length))
      outcome.current?.focus();
  }, [state]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) =>
    checkCard(event, method === "new" ? newCardSchema(now) : null, card);

  const maxPartial = amountText(amountDueMinor, currency);
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      onReset={keepControlledValues}
      noValidate
      className="flex flex-1 flex-col gap-4"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyKey" value={state.nextKey} />
      <input type="hidden" name="returnTo" value={closeHref} />
      <input type="hidden" name="method" value={method.startsWith("saved:") ? "saved" : "new"} />
      {method.startsWith("saved:") && (
        <input type="hidden" name="paymentMethodId" value={method.slice("saved:".length)} />
      )}

      <div aria-live="assertive" ref={outcome} tabIndex={-1} className="outline-none">
        {state.status === "declined" && (
          <MessageBar intent="error" role="alert">
            <p className="font-semibold">{t("payNow.declinedTitle")}</p>
            <p>{state.message}</p>
            {state.retryable && <p>{t("payNow.retryHint")}</p>}
          </MessageBar>
        )}
        {state.status === "error" && (
          <MessageBar intent="error" role="alert">
            {state.message}
          </MessageBar>
        )}
        {state.status === "succeeded" && !state.paidInFull && (
          <MessageBar intent="success" role="status">
            {t("payNow.partialSucceeded", { remaining: money(amountDueMinor, currency) })}
          </MessageBar>
        )}
      </div>

      {partialOffered && (
        <section aria-labelledby="partial-heading" className="rounded border border-stroke-subtle p-3">
          <h3 id="partial-heading" className="font-semibold">
            {t("payNow.partialTitle")}
          </h3>
          <p className="mb-2 text-[13px] text-ink-muted">
            {t("payNow.partialIntro", {
              minimum: money(Math.min(minimumPartialMinor, amountDueMinor), currency),
              max: money(amountDueMinor, currency),
            })}
          </p>
          <label className="flex items-center gap-2 text-[13px]">
            <input type="checkbox" checked={partial} onChange={(event) => setPartial(event.target.checked)} />
            {t("payNow.partialTitle")}
          </label>
          {partial && (
            <div className="mt-2">
              <label htmlFor="partial-amount" className="mb-1 block text-[13px] font-semibold">
                {t("payNow.partialAmount", { currency })}
              </label>
              <input
                id="partial-amount"
                name="amount"
                inputMode="decimal"
                className="h-8 w-40 rounded border border-stroke px-2 text-[13px]"
                placeholder={maxPartial}
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
                aria-invalid={Boolean(fieldErrors.amount)}
                aria-describedby={fieldErrors.amount ? "partial-amount-error" : undefined}
              />
              {fieldErrors.amount && (
                <p id="partial-amount-error" className="mt-0.5 text-xs text-danger">
                  {fieldErrors.amount}
                </p>
              )}
            </div>
          )}
        </section>
      )}

      <PaymentMethodPicker
        cards={cards}
        method={method}
        onMethodChange={setMethod}
        card={card}
        onCardChange={setCard}
        errors={fieldErrors}
        idPrefix="paynow"
        currentYear={now.getUTCFullYear()}
      />

      {/* After every field, at the blade's bottom (the form fills the blade: Blade's column). */}
      <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-stroke-subtle bg-surface pt-3">
        <Button
          type="submit"
          variant="primary"
          disabled={!method || pending}
          aria-describedby={!method ? "choose-first" : undefined}
        >
          {pending ? t("payNow.processing") : t("payNow.submit")}
        </Button>
        <a
          href={closeHref}
          className={buttonClass("secondary")}
          onClick={(event) => {
            event.preventDefault();
            router.push(closeHref, { scroll: false });
          }}
        >
          {t("payNow.cancel")}
        </a>
        {!method && (
          <span id="choose-first" className="text-xs text-ink-muted">
            {t("payNow.chooseFirst")}
          </span>
        )}
        <span role="status" className="sr-only">
          {pending ? t("payNow.processing") : ""}
        </span>
      </div>
    </form>
  );
}
