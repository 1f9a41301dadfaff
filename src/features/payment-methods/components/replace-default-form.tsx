"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";

import { newCardSchema } from "../card-schema";
import type { MethodActionState } from "../method-access";
import { replaceDefaultPaymentMethodAction } from "../profile-card-actions";
import type { PayNowCard } from "../queries";
import { emptyCard, type CardValues } from "./card-fields";
import { CardMethodPanel } from "./card-method-panel";
import { usePane } from "./one-pane";
import { PaymentMethodPicker } from "./payment-method-picker";
import { useCardCheck } from "./use-card-check";

/**
 * Replace, under "Default payment method": Select a payment method's pane opens at once (change-credit-card:
 * "In the new area on the right, either select an existing card from the drop-down or add a new one by
 * selecting the blue Add new payment method link"), with the card form and rules of Pay now; the choice
 * becomes the billing profile's default payment method once saved.
 */
export function ReplaceDefaultForm({
  accountId,
  billingProfileId,
  profileName,
  cards,
  nowIso,
}: {
  accountId: string;
  billingProfileId: string;
  profileName: string;
  /** The profile's cards other than its default, expired ones included (shown, not selectable). */
  cards: PayNowCard[];
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = usePane("replace");
  const [choice, setChoice] = useState("");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const { checkCard, liveErrors } = useCardCheck();
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await replaceDefaultPaymentMethodAction(previous, formData);
      if (next.status === "ok") {
        setCard(emptyCard);
        setChoice("");
        setOpen(false);
      }
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);
  const saved = choice.startsWith("saved:") ? choice.slice("saved:".length) : null;

  return (
    <div>
      <CardMethodPanel
        open={open}
        opener={
          <Button
            type="button"
            className="mt-2"
            onClick={() => {
              setChoice("");
              setCard(emptyCard);
              setOpen(true);
            }}
          >
            {t("profileMethods.replace")}
          </Button>
        }
        onClose={() => setOpen(false)}
        state={state}
        action={action}
        onSubmit={(event) => checkCard(event, choice === "new" ? newCardSchema(now) : null, card)}
        pending={pending}
        title={t("profileMethods.replaceTitle")}
        intro={t("profileMethods.replaceIntro", { name: profileName })}
        hidden={{
          accountId,
          billingProfileId,
          choice: saved ? "saved" : choice,
          ...(saved ? { paymentMethodId: saved } : {}),
        }}
        submitLabel={t("profileMethods.replaceSubmit")}
        submitDisabled={!choice}
        className="rounded border border-stroke-subtle p-3"
      >
        <PaymentMethodPicker
          cards={cards}
          method={choice}
          onMethodChange={setChoice}
          card={card}
          onCardChange={setCard}
          errors={liveErrors(state.fieldErrors, card)}
          idPrefix={`replace-${billingProfileId}`}
          currentYear={now.getUTCFullYear()}
          defaultOpen
          // Replace opens straight onto the pane: closing it with nothing chosen cancels Replace.
          onDismiss={() => setOpen(false)}
        />
      </CardMethodPanel>
    </div>
  );
}
