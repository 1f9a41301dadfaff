"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { MessageBar } from "@/components/ui/message-bar";
import { SidePane } from "@/components/ui/side-pane";

import { removePaymentMethodAction, type MethodActionState } from "../method-actions";
import { usePane } from "./one-pane";

/**
 * Delete a payment method, as delete-azure-payment-method has it: a pane that names the card and says
 * whether it is in use. A card in use (the profile's default, or one a payment is still pending on) can't
 * be deleted, and the pane says why and what to do; the server refuses it too (removePaymentMethodAction),
 * whatever the page showed.
 */
export function DeleteCardPane({
  accountId,
  card,
  profileName,
  onDeleted,
}: {
  accountId: string;
  card: { id: string; label: string; expiry: string; isDefault: boolean; inPendingPayment: boolean };
  profileName: string;
  /** Told once the card is deleted: its row, and this pane with it, are gone after the page refreshes. */
  onDeleted: (message: string) => void;
}) {
  const t = useTranslations("payments");
  const [open, setOpen] = usePane(`delete:${card.id}`);
  const [state, action, pending] = useActionState<MethodActionState, FormData>(
    async (previous, formData) => {
      const next = await removePaymentMethodAction(previous, formData);
      if (next.status === "ok") {
        setOpen(false);
        onDeleted(next.message ?? "");
      }
      return next;
    },
    { status: "idle" },
  );
  const inUse = card.isDefault
    ? t("methods.inUseDefault", { profile: profileName })
    : card.inPendingPayment
      ? t("methods.inUsePending")
      : null;
  const title = t("methods.deleteTitle");

  return (
    <>
      {open && (
        <form action={action} aria-label={title}>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="paymentMethodId" value={card.id} />
          <SidePane
            title={title}
            onClose={() => setOpen(false)}
            footer={
              <>
                <Button type="submit" variant="primary" disabled={Boolean(inUse) || pending}>
                  {pending ? t("methods.deleting") : t("methods.delete")}
                </Button>
                <Button type="button" onClick={() => setOpen(false)}>
                  {t("payNow.cancel")}
                </Button>
              </>
            }
          >
            <p>{t("methods.deleteCard", { card: card.label, expiry: card.expiry })}</p>
            {inUse ? (
              <MessageBar intent="warning">
                <p className="font-semibold">{t("methods.inUse")}</p>
                <p>{inUse}</p>
              </MessageBar>
            ) : (
              <MessageBar intent="info">{t("methods.notInUse", { profile: profileName })}</MessageBar>
            )}
            {state.status === "error" && (
              <MessageBar intent="error" role="alert">
                {state.message}
              </MessageBar>
            )}
          </SidePane>
        </form>
      )}
    </>
  );
}
