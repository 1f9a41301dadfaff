"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";

import { translatedCardErrors } from "../card-schema";
import type { CardValues } from "./card-fields";

/** A submit's check: the schema it used and the card as it was sent. */
type Checked = { schema: z.ZodType; values: CardValues };

/**
 * The errors still true of the card as it is now: a card field's error goes as soon as the field
 * passes the schema, without waiting for the next submit, and shows the schema's current word while
 * it still fails. A field the schema passes keeps an error only while the card holds what was sent (the
 * server may refuse what the browser's check cannot see). Errors of other fields (a partial
 * amount) and those of a submit that checked no card stay as they are.
 */
export function stillInvalid(
  errors: Record<string, string>,
  checked: Checked | null,
  values: CardValues,
  translate: (key: string) => string,
): Record<string, string> {
  if (!checked || Object.keys(errors).length === 0) return errors;
  const result = checked.schema.safeParse(values);
  const current = result.success ? {} : translatedCardErrors(result.error, translate);
  // An error can be about two fields at once (expired: the month with the year), so a field the schema now
  // passes keeps its error only while the card as a whole holds what was sent.
  const unchanged = (Object.keys(values) as (keyof CardValues)[]).every((key) => values[key] === checked.values[key]);
  const shown: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (!(field in values)) shown[field] = message;
    else if (current[field]) shown[field] = current[field];
    else if (unchanged) shown[field] = message;
  }
  return shown;
}

/**
 * The card fields checked in the browser before a form's server action runs, with the same schema the
 * server uses: on a mistake the submit is held back and each field names its error in the reader's words.
 * Every card form (Pay now, Settle balance, add, replace, edit) submits through `checkCard`; `liveErrors`
 * gives what to show next to the fields as the user corrects them (stillInvalid).
 */
export function useCardCheck() {
  const t = useTranslations("payments");
  const translate = (key: string) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Checked | null>(null);
  /** `schema` null: the form sends no card fields this time (a saved card is chosen). */
  const checkCard = (event: React.FormEvent<HTMLFormElement>, schema: z.ZodType | null, values: CardValues) => {
    setChecked(schema ? { schema, values } : null);
    const result = schema?.safeParse(values);
    if (!result || result.success) return setClientErrors({});
    event.preventDefault();
    setClientErrors(translatedCardErrors(result.error, translate));
  };
  /** The server's field errors and the browser's, less those the user has since put right. */
  const liveErrors = (serverErrors: Record<string, string> | undefined, values: CardValues) =>
    stillInvalid({ ...serverErrors, ...clientErrors }, checked, values, translate);
  return { clientErrors, setClientErrors, checkCard, liveErrors };
}
