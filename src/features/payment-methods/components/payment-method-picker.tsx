"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { SidePane } from "@/components/ui/side-pane";
import { cardBrandName } from "@/lib/card-brand";

import type { PayNowCard } from "../queries";
import { CardFields, type CardValues } from "./card-fields";

/**
 * Select a payment method, as the portal has it (pay-bill, change-credit-card, resolve-past-due-balance):
 * a button that opens a pane on the right with a drop-down of the billing profile's cards (expired ones
 * listed, not selectable) and an Add new payment method link; once the pane closes the blade shows the
 * card chosen, or the card form for a new one. One picker for Pay now, Settle balance and Replace, so all
 * three offer the same cards under the same rules. `method` is "" (nothing chosen), "saved:<card ID>" or
 * "new"; the forms around it turn that into their own fields, so their server actions do not change.
 */
export function PaymentMethodPicker({
  cards,
  method,
  onMethodChange,
  card,
  onCardChange,
  errors,
  idPrefix,
  currentYear,
  defaultOpen = false,
  onDismiss,
}: {
  cards: PayNowCard[];
  method: string;
  onMethodChange: (method: string) => void;
  card: CardValues;
  onCardChange: (card: CardValues) => void;
  errors: Partial<Record<string, string>>;
  idPrefix: string;
  currentYear: number;
  /** Open the pane at once (Replace opens straight onto it). */
  defaultOpen?: boolean;
  /** The pane was closed with nothing chosen at all. */
  onDismiss?: () => void;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = useState(defaultOpen);
  const [draft, setDraft] = useState("");
  const groupId = useId();
  const selectId = `${idPrefix}-saved-card`;

  const label = (saved: PayNowCard) =>
    t("payNow.cardLabel", {
      brand: cardBrandName(saved.brand),
      last4: saved.last4,
      month: String(saved.expMonth).padStart(2, "0"),
      year: saved.expYear,
    });
  const chosen = method.startsWith("saved:") ? cards.find((saved) => `saved:${saved.id}` === method) : undefined;

  const openPane = () => {
    setDraft(chosen ? chosen.id : "");
    setOpen(true);
  };
  const closePane = () => {
    setOpen(false);
    if (!method) onDismiss?.();
  };

  return (
    <div role="group" aria-labelledby={groupId} className="flex flex-col gap-2">
      <h3 id={groupId} className="sr-only">
        {t("payNow.selectMethod")}
      </h3>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-describedby={`${idPrefix}-chosen`}
          onClick={openPane}
        >
          {t("payNow.selectMethod")}
        </Button>
      </div>
      <p id={`${idPrefix}-chosen`} aria-live="polite" className="text-[13px]">
        {chosen ? (
          <>
            <span className="text-ink-muted">{t("payNow.chosen")} </span>
            <span className="font-semibold">{label(chosen)}</span>
            {chosen.isDefault && (
              <span className="ml-2 rounded bg-[#f0f0f0] px-1.5 text-xs">{t("payNow.default")}</span>
            )}
          </>
        ) : method === "new" ? (
          <>
            <span className="text-ink-muted">{t("payNow.chosen")} </span>
            <span className="font-semibold">{t("payNow.newCard")}</span>
          </>
        ) : (
          <span className="text-ink-muted">{t("payNow.noneChosen")}</span>
        )}
      </p>

      {open && (
        <SidePane
          title={t("payNow.selectMethod")}
          onClose={closePane}
          initialFocus={`#${selectId}`}
          footer={
            <>
              <Button
                type="button"
                variant="primary"
                disabled={!draft}
                onClick={() => {
                  onMethodChange(`saved:${draft}`);
                  setOpen(false);
                }}
              >
                {t("payNow.select")}
              </Button>
              <Button type="button" onClick={closePane}>
                {t("payNow.cancel")}
              </Button>
            </>
          }
        >
          <div>
            <label htmlFor={selectId} className="mb-1 block font-semibold">
              {t("payNow.savedCards")}
            </label>
            <select
              id={selectId}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={`${idPrefix}-saved-card-hint`}
              className="h-8 w-full rounded border border-stroke bg-surface px-2 text-[13px]"
            >
              <option value="">{cards.length === 0 ? t("payNow.noSavedCards") : t("payNow.chooseCard")}</option>
              {cards.map((saved) => (
                <option key={saved.id} value={saved.id} disabled={saved.expired}>
                  {saved.expired
                    ? t("payNow.expiredOption", { card: label(saved) })
                    : saved.isDefault
                      ? t("payNow.defaultOption", { card: label(saved) })
                      : label(saved)}
                </option>
              ))}
            </select>
            <p id={`${idPrefix}-saved-card-hint`} className="mt-1 text-xs text-ink-muted">
              {cards.some((saved) => saved.expired) ? t("payNow.expiredHint") : t("payNow.cardsHint")}
            </p>
          </div>
          <p>
            <button
              type="button"
              className="text-brand hover:underline"
              onClick={() => {
                onMethodChange("new");
                setOpen(false);
                // Once the pane has closed (and given focus back to its button), the card form takes it.
                window.setTimeout(() => document.getElementById(`${idPrefix}-cardNumber`)?.focus(), 0);
              }}
            >
              {t("payNow.addNew")}
            </button>
          </p>
        </SidePane>
      )}

      {method === "new" && (
        <CardFields
          values={card}
          onChange={onCardChange}
          errors={errors}
          idPrefix={idPrefix}
          currentYear={currentYear}
        />
      )}
    </div>
  );
}
