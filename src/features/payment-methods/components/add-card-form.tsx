"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";

import { newCardSchema } from "../card-schema";
import { addPaymentMethodAction, type MethodActionState } from "../method-actions";
import { CardFields, emptyCard, type CardValues } from "./card-fields";
import { CardMethodPanel } from "./card-method-panel";
import { usePane } from "./one-pane";
import { useCardCheck } from "./use-card-check";

/** Add a card to a billing profile, in a pane on the right: the same fields and rules as Pay now's new card. */
export function AddCardForm({
  accountId,
  billingProfileId,
  profileName,
  nowIso,
}: {
  accountId: string;
  billingProfileId: string;
  profileName: string;
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = usePane("add");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const { checkCard, liveErrors } = useCardCheck();
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await addPaymentMethodAction(previous, formData);
      if (next.status === "ok") {
        setCard(emptyCard);
        setOpen(false);
      }
      return next;
    },
    { status: "idle" },
  );
  const now = new Date(nowIso);
  const title = t("methods.addTitle", { name: profileName });

  return (
    <div className="mt-3">
      <CardMethodPanel
        open={open}
        opener={
          <Button type="button" className="mt-2" onClick={() => setOpen(true)}>
            {t("methods.add")}
          </Button>
        }
        asPane
        onClose={() => setOpen(false)}
        state={state}
        action={action}
        onSubmit={(event) => checkCard(event, newCardSchema(now), card)}
        pending={pending}
        title={title}
        hidden={{ accountId, billingProfileId }}
        submitLabel={t("methods.save")}
        className="border-t border-stroke-subtle pt-3"
      >
        <CardFields
          values={card}
          onChange={setCard}
          errors={liveErrors(state.fieldErrors, card)}
          idPrefix={`add-${billingProfileId}`}
          currentYear={now.getUTCFullYear()}
        />
      </CardMethodPanel>
    </div>
  );
}
