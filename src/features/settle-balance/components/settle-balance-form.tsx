"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";
import { newCardSchema } from "@/features/payment-methods/card-schema";
import { emptyCard, type CardValues } from "@/features/payment-methods/components/card-fields";
import { PaymentMethodPicker } from "@/features/payment-methods/components/payment-method-picker";
import { useCardCheck } from "@/features/payment-methods/components/use-card-check";
import type { PayNowCard } from "@/features/payment-methods/queries";
import { useFormatMoney } from "@/i18n/use-money";

import { settleBalanceAction } from "../settle-actions";
import type { SettleState } from "../settle-state";

/** Select a payment method → Pay: settles every past-due invoice and reports each one's outcome. */
export function SettleBalanceForm({
  accountId,
  pastDueCount,
  cards,
  initialAttemptId,
  nowIso,
}: {
  accountId: string;
  pastDueCount: number;
  cards: PayNowCard[];
  initialAttemptId: string;
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const money = useFormatMoney();
  const [method, setMethod] = useState("");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const { checkCard, liveErrors } = useCardCheck();
  const [state, action, pending] = useActionState<SettleState, FormData>(settleBalanceAction, {
    status: "idle",
    nextAttemptId: initialAttemptId,
  });
  const now = new Date(nowIso);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) =>
    checkCard(event, method === "new" ? newCardSchema(now) : null, card);
  const results = state.status === "settled" ? (state.results ?? []) : [];
  // Once paid, Pay goes away with the balance: focus moves to the outcome, which stays inside the blade.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "settled") outcome.current?.focus();
  }, [state]);
  const paid = results.filter((result) => result.status === "succeeded");
  const allPaid = results.length > 0 && paid.length === results.length;

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      onReset={keepControlledValues}
      noValidate
      className="flex flex-1 flex-col gap-4"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="settleAttemptId" value={state.nextAttemptId} />
      <input type="hidden" name="method" value={method.startsWith("saved:") ? "saved" : "new"} />
      {method.startsWith("saved:") && (
        <input type="hidden" name="paymentMethodId" value={method.slice("saved:".length)} />
      )}
      <div aria-live="assertive" ref={outcome} tabIndex={-1} className="outline-none">
        {state.status === "error" && (
          <MessageBar intent="error" role="alert">
            {state.message}
          </MessageBar>
        )}
        {/* One message: what was just paid, or (opened with nothing to pay) that nothing is past due. */}
        {pastDueCount === 0 && results.length === 0 && state.status !== "error" && (
          <MessageBar intent="success" role="status">
            {t("settle.nothingPastDue")}
          </MessageBar>
        )}
        {results.length > 0 && (
          <MessageBar intent={allPaid ? "success" : "error"} role={allPaid ? "status" : "alert"}>
            <p className="font-semibold">
              {allPaid ? t("settle.allPaid", { count: paid.length }) : t("settle.somePaid")}
            </p>
            <ul aria-label={t("settle.resultsLabel")} className="mt-1 list-disc pl-5">
              {results.map((result) => {
                const amount = money(result.amountMinor, result.currency);
                return (
                  <li key={result.invoiceId}>
                    {result.status === "succeeded"
                      ? t("settle.resultPaid", { invoice: result.invoiceId, amount })
                      : t("settle.resultNotPaid", { invoice: result.invoiceId, amount, reason: result.message ?? "" })}
                  </li>
                );
              })}
            </ul>
          </MessageBar>
        )}
      </div>
      {pastDueCount > 0 && (
        <>
          <PaymentMethodPicker
            cards={cards}
            method={method}
            onMethodChange={setMethod}
            card={card}
            onCardChange={setCard}
            errors={liveErrors(state.status === "error" ? state.fieldErrors : undefined, card)}
            idPrefix="settle"
            currentYear={now.getUTCFullYear()}
          />
          <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-stroke-subtle bg-surface pt-3">
            <Button type="submit" variant="primary" disabled={!method || pending}>
              {pending ? t("settle.processing") : t("settle.submit")}
            </Button>
            <span role="status" className="sr-only">
              {pending ? t("settle.processing") : ""}
            </span>
          </div>
        </>
      )}
    </form>
  );
}
