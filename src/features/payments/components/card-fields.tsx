"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";

import type { CardField } from "../card-schema";
import { billingCountries } from "../countries";

export type CardValues = Record<CardField, string>;
export const emptyCard: CardValues = {
  cardNumber: "",
  expMonth: "",
  expYear: "",
  cvc: "",
  holderName: "",
  country: "US",
  postalCode: "",
};

/** The fields in the order they are shown: focus goes to the first one in error. */
const cardFieldOrder: CardField[] = ["cardNumber", "expMonth", "expYear", "cvc", "holderName", "country", "postalCode"];

const input = "h-8 w-full rounded border border-stroke bg-surface px-2 text-[13px] aria-[invalid=true]:border-danger";

/**
 * The new-card fields, shared by Pay now and Payment methods. Controlled, so a
 * declined payment keeps what the user typed; the values live only in this
 * browser tab and the one request that submits them.
 */
export function CardFields({
  values,
  onChange,
  errors,
  idPrefix,
  currentYear,
}: {
  values: CardValues;
  onChange: (values: CardValues) => void;
  errors: Partial<Record<CardField, string>>;
  idPrefix: string;
  currentYear: number;
}) {
  const t = useTranslations("payments.card");
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  // A submission that finds errors moves focus to the first invalid field, whose
  // label and error (aria-describedby) a screen reader then reads out.
  const errorKey = cardFieldOrder
    .filter((name) => errors[name])
    .map((name) => `${name}:${errors[name]}`)
    .join("|");
  const firstInvalid = cardFieldOrder.find((name) => errors[name]);
  useEffect(() => {
    if (!errorKey || !firstInvalid) return;
    container.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-${firstInvalid}`)}`)?.focus();
  }, [errorKey, firstInvalid, idPrefix]);
  const countryNames = useMemo(() => new Intl.DisplayNames([locale], { type: "region" }), [locale]);
  const set = (field: CardField) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...values, [field]: event.target.value });
  const describedBy = (field: CardField, hint?: string) =>
    [errors[field] ? `${idPrefix}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const error = (field: CardField) =>
    errors[field] ? (
      <p id={`${idPrefix}-${field}-error`} className="mt-0.5 text-xs text-danger">
        {errors[field]}
      </p>
    ) : null;
  const field = (name: CardField, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`} className="mb-1 block text-[13px] font-semibold">
        {label}
      </label>
      {control}
      {error(name)}
    </div>
  );

  return (
    <div ref={container} className="flex flex-col gap-3">
      <p className="text-xs text-ink-muted">{t("accepted")}</p>
      {field(
        "cardNumber",
        t("number"),
        <input
          id={`${idPrefix}-cardNumber`}
          name="cardNumber"
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={40}
          className={input}
          value={values.cardNumber}
          onChange={set("cardNumber")}
          aria-invalid={Boolean(errors.cardNumber)}
          aria-describedby={describedBy("cardNumber")}
        />,
      )}
      <fieldset>
        <legend className="mb-1 text-[13px] font-semibold">{t("expiry")}</legend>
        <div className="flex gap-2">
          <select
            id={`${idPrefix}-expMonth`}
            name="expMonth"
            aria-label={t("expMonth")}
            autoComplete="cc-exp-month"
            className={`${input} w-24`}
            value={values.expMonth}
            onChange={set("expMonth")}
            aria-invalid={Boolean(errors.expMonth)}
            aria-describedby={describedBy("expMonth")}
          >
            <option value="">{t("month")}</option>
            {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0")).map((month) => (
              <option key={month} value={String(Number(month))}>
                {month}
              </option>
            ))}
          </select>
          <select
            id={`${idPrefix}-expYear`}
            name="expYear"
            aria-label={t("expYear")}
            autoComplete="cc-exp-year"
            className={`${input} w-28`}
            value={values.expYear}
            onChange={set("expYear")}
            aria-invalid={Boolean(errors.expYear)}
            aria-describedby={describedBy("expYear")}
          >
            <option value="">{t("year")}</option>
            {Array.from({ length: 12 }, (_, i) => String(currentYear + i)).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        {error("expMonth") ?? error("expYear")}
      </fieldset>
      {field(
        "cvc",
        t("cvc"),
        <>
          <input
            id={`${idPrefix}-cvc`}
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            className={`${input} w-28`}
            value={values.cvc}
            onChange={set("cvc")}
            aria-invalid={Boolean(errors.cvc)}
            aria-describedby={describedBy("cvc", `${idPrefix}-cvc-hint`)}
          />
          <p id={`${idPrefix}-cvc-hint`} className="mt-0.5 text-xs text-ink-muted">
            {t("cvcHint")}
          </p>
        </>,
      )}
      {field(
        "holderName",
        t("holderName"),
        <input
          id={`${idPrefix}-holderName`}
          name="holderName"
          autoComplete="cc-name"
          maxLength={100}
          className={input}
          value={values.holderName}
          onChange={set("holderName")}
          aria-invalid={Boolean(errors.holderName)}
          aria-describedby={describedBy("holderName")}
        />,
      )}
      <div className="grid grid-cols-2 gap-3">
        {field(
          "country",
          t("country"),
          <select
            id={`${idPrefix}-country`}
            name="country"
            autoComplete="country"
            className={input}
            value={values.country}
            onChange={set("country")}
            aria-invalid={Boolean(errors.country)}
            aria-describedby={describedBy("country")}
          >
            {billingCountries.map((code) => (
              <option key={code} value={code}>
                {countryNames.of(code) ?? code}
              </option>
            ))}
          </select>,
        )}
        {field(
          "postalCode",
          t("postalCode"),
          <input
            id={`${idPrefix}-postalCode`}
            name="postalCode"
            autoComplete="postal-code"
            maxLength={16}
            className={input}
            value={values.postalCode}
            onChange={set("postalCode")}
            aria-invalid={Boolean(errors.postalCode)}
            aria-describedby={describedBy("postalCode")}
          />,
        )}
      </div>
    </div>
  );
}
