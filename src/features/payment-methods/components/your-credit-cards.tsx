"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";

import { ActionMenu } from "@/components/ui/action-menu";
import { MoreHorizontal20Regular } from "@/components/ui/icons";
import { MessageBar } from "@/components/ui/message-bar";

import { setDefaultPaymentMethodAction, type MethodActionState } from "../method-actions";
import { DeleteCardPane } from "./delete-card-pane";
import { EditCardForm, type EditableCard } from "./edit-card-form";
import { usePane } from "./one-pane";

/** A card of the profile as "Your credit cards" lists it. */
export type ListedCard = EditableCard & {
  /** "Visa •••• 4242" */
  label: string;
  /** "12/2028" */
  expiry: string;
  expired: boolean;
  isDefault: boolean;
  inPendingPayment: boolean;
};

/** One row's "…" menu: Edit, Make default, Delete — each opening its pane or running its action. */
function CardMenu({ card, onMakeDefault }: { card: ListedCard; onMakeDefault: () => void }) {
  const t = useTranslations("payments");
  const [, setEditing] = usePane(`edit:${card.id}`);
  const [, setDeleting] = usePane(`delete:${card.id}`);
  return (
    <ActionMenu
      label={t("methods.moreActions", { card: card.label })}
      icon={<MoreHorizontal20Regular aria-hidden />}
      items={[
        { label: t("profileMethods.edit"), onSelect: () => setEditing(true) },
        // The default is already the default; an expired card can't become it (the server refuses it too).
        { label: t("methods.setDefault"), onSelect: onMakeDefault, disabled: card.isDefault || card.expired },
        { label: t("methods.delete"), onSelect: () => setDeleting(true) },
      ]}
    />
  );
}

/**
 * "Your credit cards" (change-credit-card, delete-azure-payment-method): every card on file of the billing
 * profile, the default included and marked, each row ending with a "…" menu of Edit, Make default and
 * Delete. Edit and Delete open in a pane on the right, never inside the row; Delete asks first and says
 * whether the card is in use. Readers see the table without the menus.
 */
export function YourCreditCards({
  accountId,
  profileName,
  cards,
  canManage,
  nowIso,
}: {
  accountId: string;
  profileName: string;
  cards: ListedCard[];
  canManage: boolean;
  nowIso: string;
}) {
  const t = useTranslations("payments");
  const [state, makeDefault, pending] = useActionState<MethodActionState, FormData>(setDefaultPaymentMethodAction, {
    status: "idle",
  });
  // The last thing done here, for the one message above the table: a deleted card's own pane is gone with it.
  const [deleted, setDeleted] = useState<string | null>(null);
  const runMakeDefault = (card: ListedCard) => {
    setDeleted(null);
    const form = new FormData();
    form.set("accountId", accountId);
    form.set("paymentMethodId", card.id);
    startTransition(() => makeDefault(form));
  };

  return (
    <>
      <div aria-live="polite">
        {deleted && (
          <MessageBar intent="success" role="status">
            {deleted}
          </MessageBar>
        )}
        {!deleted && !pending && state.status === "ok" && (
          <MessageBar intent="success" role="status">
            {state.message}
          </MessageBar>
        )}
        {!deleted && !pending && state.status === "error" && (
          <MessageBar intent="error" role="alert">
            {state.message}
          </MessageBar>
        )}
      </div>
      {cards.length === 0 ? (
        <p className="text-[13px] text-ink-muted">{t("methods.none")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[480px] text-left text-[13px]">
            <thead>
              <tr className="border-b border-stroke">
                <th scope="col" className="py-1.5 font-semibold">
                  {t("methods.card")}
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  {t("methods.expires")}
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  {t("methods.holder")}
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  {t("methods.status")}
                </th>
                {canManage && (
                  <th scope="col" className="w-10 py-1.5">
                    <span className="sr-only">{t("methods.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => (
                <tr key={card.id} className="border-b border-stroke-subtle">
                  <td className="py-1.5">{card.label}</td>
                  <td className="py-1.5">{card.expiry}</td>
                  <td className="py-1.5">{card.holderName}</td>
                  <td className="py-1.5">
                    {card.expired ? t("methods.expired") : card.isDefault ? t("methods.default") : t("methods.active")}
                    {card.inPendingPayment && (
                      <span className="block text-xs text-ink-muted">{t("profileMethods.pending")}</span>
                    )}
                  </td>
                  {canManage && (
                    <td className="py-1 text-right">
                      <CardMenu card={card} onMakeDefault={() => runMakeDefault(card)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The rows' panes and their confirmations live outside the table, so nothing opens inside a row. */}
      {canManage &&
        cards.map((card) => (
          <div key={card.id}>
            <EditCardForm accountId={accountId} card={card} label={card.label} nowIso={nowIso} />
            <DeleteCardPane accountId={accountId} card={card} profileName={profileName} onDeleted={setDeleted} />
          </div>
        ))}
    </>
  );
}
