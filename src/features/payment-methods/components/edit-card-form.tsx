"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { cardEditSchema } from "../card-schema";
import type { MethodActionState } from "../method-access";
import { editPaymentMethodAction } from "../profile-card-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";
import { CardMethodPanel } from "./card-method-panel";
import { usePane } from "./one-pane";
import { useCardCheck } from "./use-card-check";

export type EditableCard = {
  id: string;
  expMonth: number;
  expYear: number;
  holderName: string;
  country: string;
  postalCode: string;
};

/**
 * Edit on a saved card, in a pane on the right (change-credit-card: "A credit card form will appear on the
 * right"): expiry, name on card and billing address in the card form's own fields. It opens from the card's
 * "…" menu (YourCreditCards), which shares its pane slot (usePane), so this form shows no button of its own.
 */
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
  const [open, setOpen] = usePane(`edit:${card.id}`);
  const [values, setValues] = useState<CardValues>(initial);
  const { setClientErrors, checkCard, liveErrors } = useCardCheck();
  // Each opening starts from the card as saved, without the last attempt's errors.
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) {
      setValues(initial);
      setClientErrors({});
    }
  }
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await editPaymentMethodAction(previous, formData);
      if (next.status === "ok") setOpen(false);
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);

  return (
    <div>
      <CardMethodPanel
        open={open}
        opener={null}
        asPane
        onClose={() => setOpen(false)}
        state={state}
        action={action}
        onSubmit={(event) => checkCard(event, cardEditSchema(now), values)}
        pending={pending}
        title={t("profileMethods.editTitle", { card: label })}
        intro={t("profileMethods.editIntro")}
        hidden={{ accountId, paymentMethodId: card.id }}
        submitLabel={t("profileMethods.saveChanges")}
        className="rounded border border-stroke-subtle p-3"
      >
        <CardFields
          variant="edit"
          values={values}
          onChange={setValues}
          errors={liveErrors(state.fieldErrors, values)}
          idPrefix={`edit-${card.id}`}
          currentYear={now.getUTCFullYear()}
        />
      </CardMethodPanel>
    </div>
  );
}
