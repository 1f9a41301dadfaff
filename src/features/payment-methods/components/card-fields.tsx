"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";

import { newCardFields, type CardField } from "../card-schema";
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

const inputClass =
  "h-8 w-full rounded border border-stroke bg-surface px-2 text-[13px] aria-[invalid=true]:border-danger";

/** What every field of one card form shares: its values, its errors and its IDs. */
type CardFormState = {
  values: CardValues;
  onChange: (values: CardValues) => void;
  errors: Partial<Record<CardField, string>>;
  idPrefix: string;
};

/** The props every card control carries: ID, name, value, change handler, invalid state and description. */
function controlProps(form: CardFormState, field: CardField, hint?: string) {
  const describedBy = [form.errors[field] ? `${form.idPrefix}-${field}-error` : null, hint].filter(Boolean).join(" ");
  return {
    id: `${form.idPrefix}-${field}`,
    name: field,
    value: form.values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      form.onChange({ ...form.values, [field]: event.target.value }),
    "aria-invalid": Boolean(form.errors[field]),
    "aria-describedby": describedBy || undefined,
  };
}

type ControlOwnProps = { cardForm: CardFormState; field: CardField; hint?: string; className?: string };

/** One text field of the card form: every input (number, code, name, postal code) is this. */
export function CardInput({
  cardForm,
  field,
  hint,
  className = "",
  ...rest
}: ControlOwnProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, keyof ReturnType<typeof controlProps>>) {
  return <input {...rest} {...controlProps(cardForm, field, hint)} className={`${inputClass} ${className}`} />;
}

/** One drop-down of the card form (expiry month and year, country). */
function CardSelect({
  cardForm,
  field,
  className = "",
  children,
  ...rest
}: ControlOwnProps & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, keyof ReturnType<typeof controlProps>>) {
  return (
    <select {...rest} {...controlProps(cardForm, field)} className={`${inputClass} ${className}`}>
      {children}
    </select>
  );
}

/**
 * The card fields, shared by Pay now, Add a card and Replace (`new`: every field) and by Edit on a saved
 * card (`edit`: expiry, name and billing address — never the number or the security code). Controlled,
 * so a declined payment keeps what the user typed; the values live only in this browser tab and the one
 * request that submits them.
 */
export function CardFields({
  values,
  onChange,
  errors,
  idPrefix,
  currentYear,
  variant = "new",
}: CardFormState & { currentYear: number; variant?: "new" | "edit" }) {
  const t = useTranslations("payments.card");
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const form: CardFormState = { values, onChange, errors, idPrefix };
  // A submission that finds errors moves focus to the first invalid field, whose
  // label and error (aria-describedby) a screen reader then reads out. Errors that
  // only go away or change their words as the user types (liveErrors) leave focus
  // where the user is: only a field newly in error moves it.
  const invalid = newCardFields.filter((name) => errors[name]);
  const invalidKey = invalid.join("|");
  const shownInvalid = useRef<string[]>([]);
  useEffect(() => {
    const fields = invalidKey ? invalidKey.split("|") : [];
    const appeared = fields.some((name) => !shownInvalid.current.includes(name));
    shownInvalid.current = fields;
    if (!appeared) return;
    container.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-${fields[0]}`)}`)?.focus();
  }, [invalidKey, idPrefix]);
  const countryNames = useMemo(() => new Intl.DisplayNames([locale], { type: "region" }), [locale]);
  const error = (field: CardField) =>
    errors[field] ? (
      <p id={`${idPrefix}-${field}-error`} className="mt-0.5 text-xs text-danger">
        {errors[field]}
      </p>
    ) : null;
  const labelled = (name: CardField, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`} className="mb-1 block text-[13px] font-semibold">
        {label}
      </label>
      {control}
      {error(name)}
    </div>
  );
  // An edited card may keep an expiry year already shown on it, even one the list would not start from.
  const firstYear = Math.min(currentYear, Number(values.expYear) || currentYear);
  const years = Array.from({ length: currentYear + 12 - firstYear }, (_, i) => String(firstYear + i));

  return (
    <div ref={container} className="flex flex-col gap-3">
      {variant === "new" && <p className="text-xs text-ink-muted">{t("accepted")}</p>}
      {variant === "new" &&
        labelled(
          "cardNumber",
          t("number"),
          <CardInput cardForm={form} field="cardNumber" inputMode="numeric" autoComplete="cc-number" maxLength={40} />,
        )}
      <fieldset>
        <legend className="mb-1 text-[13px] font-semibold">{t("expiry")}</legend>
        <div className="flex gap-2">
          <CardSelect
            cardForm={form}
            field="expMonth"
            aria-label={t("expMonth")}
            autoComplete="cc-exp-month"
            className="w-24"
          >
            <option value="">{t("month")}</option>
            {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0")).map((month) => (
              <option key={month} value={String(Number(month))}>
                {month}
              </option>
            ))}
          </CardSelect>
          <CardSelect
            cardForm={form}
            field="expYear"
            aria-label={t("expYear")}
            autoComplete="cc-exp-year"
            className="w-28"
          >
            <option value="">{t("year")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </CardSelect>
        </div>
        {error("expMonth") ?? error("expYear")}
      </fieldset>
      {variant === "new" &&
        labelled(
          "cvc",
          t("cvc"),
          <>
            <CardInput
              cardForm={form}
              field="cvc"
              hint={`${idPrefix}-cvc-hint`}
              inputMode="numeric"
              autoComplete="cc-csc"
              maxLength={4}
              className="w-28"
            />
            <p id={`${idPrefix}-cvc-hint`} className="mt-0.5 text-xs text-ink-muted">
              {t("cvcHint")}
            </p>
          </>,
        )}
      {labelled(
        "holderName",
        t("holderName"),
        <CardInput cardForm={form} field="holderName" autoComplete="cc-name" maxLength={100} />,
      )}
      <div className="grid grid-cols-2 gap-3">
        {labelled(
          "country",
          t("country"),
          <CardSelect cardForm={form} field="country" autoComplete="country">
            {billingCountries.map((code) => (
              <option key={code} value={code}>
                {countryNames.of(code) ?? code}
              </option>
            ))}
          </CardSelect>,
        )}
        {labelled(
          "postalCode",
          t("postalCode"),
          <CardInput cardForm={form} field="postalCode" autoComplete="postal-code" maxLength={16} />,
        )}
      </div>
    </div>
  );
}
