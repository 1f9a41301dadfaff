"use client";

import { useTranslations } from "next-intl";

import { cardBrandName } from "@/lib/card-brand";

import type { PayNowCard } from "../queries";
import { CardFields, type CardValues } from "./card-fields";

/**
 * Select a payment method: the saved cards (expired ones shown, not selectable) or Add a new payment
 * method with the card form. One picker for Pay now and Settle balance, so both offer the same cards
 * under the same rules. `method` is "" (nothing chosen), "saved:<card ID>" or "new".
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
}: {
  cards: PayNowCard[];
  method: string;
  onMethodChange: (method: string) => void;
  card: CardValues;
  onCardChange: (card: CardValues) => void;
  errors: Partial<Record<string, string>>;
  idPrefix: string;
  currentYear: number;
}) {
  const t = useTranslations("payments");
  return (
    <>
      <fieldset>
        <legend className="mb-2 text-base font-semibold">{t("payNow.selectMethod")}</legend>
        {cards.length === 0 && <p className="mb-2 text-[13px] text-ink-muted">{t("payNow.noSavedCards")}</p>}
        <ul className="flex flex-col gap-1">
          {cards.map((saved) => {
            const label = t("payNow.cardLabel", {
              brand: cardBrandName(saved.brand),
              last4: saved.last4,
              month: String(saved.expMonth).padStart(2, "0"),
              year: saved.expYear,
            });
            return (
              <li key={saved.id}>
                <label
                  className={`flex items-center gap-2 rounded border px-3 py-2 text-[13px] ${saved.expired ? "border-stroke-subtle text-ink-muted" : "border-stroke"} ${method === `saved:${saved.id}` ? "border-brand bg-brand-subtle" : ""}`}
                >
                  <input
                    type="radio"
                    name={`${idPrefix}-method`}
                    value={`saved:${saved.id}`}
                    disabled={saved.expired}
                    checked={method === `saved:${saved.id}`}
                    onChange={() => onMethodChange(`saved:${saved.id}`)}
                    aria-describedby={saved.expired ? `${idPrefix}-expired-${saved.id}` : undefined}
                  />
                  <span>{label}</span>
                  {saved.isDefault && (
                    <span className="rounded bg-[#f0f0f0] px-1.5 text-xs">{t("payNow.default")}</span>
                  )}
                  {saved.expired && (
                    <span id={`${idPrefix}-expired-${saved.id}`} className="ml-auto text-xs text-danger">
                      {t("payNow.expiredReason")}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
          <li>
            <label
              className={`flex items-center gap-2 rounded border px-3 py-2 text-[13px] ${method === "new" ? "border-brand bg-brand-subtle" : "border-stroke"}`}
            >
              <input
                type="radio"
                name={`${idPrefix}-method`}
                value="new"
                checked={method === "new"}
                onChange={() => onMethodChange("new")}
              />
              <span>{t("payNow.addNew")}</span>
            </label>
          </li>
        </ul>
      </fieldset>

      {method === "new" && (
        <CardFields
          values={card}
          onChange={onCardChange}
          errors={errors}
          idPrefix={idPrefix}
          currentYear={currentYear}
        />
      )}
    </>
  );
}
