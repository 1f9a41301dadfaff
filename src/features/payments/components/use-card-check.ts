"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";

import { translatedCardErrors } from "../card-schema";
import type { CardValues } from "./card-fields";

/**
 * The card fields checked in the browser before a form's server action runs, with the same schema the
 * server uses: on a mistake the submit is held back and each field names its error in the reader's words.
 * Every card form (Pay now, Settle balance, add, replace, edit) submits through `checkCard`.
 */
export function useCardCheck() {
  const t = useTranslations("payments");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  /** `schema` null: the form sends no card fields this time (a saved card is chosen). */
  const checkCard = (event: React.FormEvent<HTMLFormElement>, schema: z.ZodType | null, values: CardValues) => {
    const checked = schema?.safeParse(values);
    if (!checked || checked.success) return setClientErrors({});
    event.preventDefault();
    setClientErrors(translatedCardErrors(checked.error, (key) => t(`cardErrors.${key}` as "cardErrors.cvcInvalid")));
  };
  return { clientErrors, setClientErrors, checkCard };
}
