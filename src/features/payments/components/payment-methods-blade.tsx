import { getTranslations } from "next-intl/server";

import { MessageBar } from "@/components/ui/message-bar";
import { TableHead } from "@/components/ui/table-head";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { canManagePaymentMethods } from "@/features/access/policy";
import { requireBillingScope } from "@/features/access/scope";
import { cardBrandName } from "@/lib/card-brand";
import { worldNow } from "@/server/world-clock";

import { listPaymentMethods } from "../queries";
import { AddCardForm } from "./add-card-form";
import { CardActions } from "./card-actions";

/** Payment methods of each billing profile: list for everyone, add/remove/set default for the admin. */
export async function PaymentMethodsBlade({ accountId }: { accountId: string }) {
  const { user, account, access } = await requireBillingScope(accountId);
  const canManage = canManagePaymentMethods(access);
  const clock = await worldNow(user.worldId);
  const [t, profiles] = await Promise.all([getTranslations("payments.methods"), listPaymentMethods(account.id, clock)]);
  return (
    <>
      <BillingAccountBlade account={account} title={t("title")}>
        <p className="mt-1 mb-3 max-w-3xl text-[13px] text-ink-muted">{t("intro")}</p>
        {!canManage && <MessageBar intent="info">{t("readOnly")}</MessageBar>}
        {profiles.map((profile) => (
          <section key={profile.id} aria-labelledby={`profile-${profile.id}`} className="mt-5 max-w-5xl bg-surface p-4">
            <h2 id={`profile-${profile.id}`} className="mb-2 text-base font-semibold">
              {t("profile", { name: profile.name })}
            </h2>
            {profile.defaultPaymentKind === "WIRE" && (
              <p className="mb-2 text-[13px] text-ink-muted">{t("wireDefault")}</p>
            )}
            {profile.cards.length === 0 ? (
              <p className="text-[13px] text-ink-muted">{t("none")}</p>
            ) : (
              <table className="w-full text-left text-[13px]">
                <TableHead
                  columns={[t("card"), t("expires"), t("holder"), t("status"), ...(canManage ? [t("actions")] : [])]}
                  cell="py-1.5"
                />
                <tbody>
                  {profile.cards.map((card) => {
                    const { expired, isDefault } = card;
                    const label = `${cardBrandName(card.brand)} •••• ${card.last4}`;
                    return (
                      <tr key={card.id} className="border-b border-stroke-subtle">
                        <td className="py-1.5">{label}</td>
                        <td className="py-1.5">
                          {String(card.expMonth).padStart(2, "0")}/{card.expYear}
                        </td>
                        <td className="py-1.5">{card.holderName}</td>
                        <td className="py-1.5">{isDefault ? t("default") : expired ? t("expired") : t("active")}</td>
                        {canManage && (
                          <td className="py-1.5">
                            <CardActions
                              accountId={account.id}
                              paymentMethodId={card.id}
                              label={label}
                              canSetDefault={!isDefault && !expired}
                              canRemove={!isDefault}
                            />
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {canManage && (
              <AddCardForm
                accountId={account.id}
                billingProfileId={profile.id}
                profileName={profile.name}
                nowIso={clock.toISOString()}
              />
            )}
          </section>
        ))}
      </BillingAccountBlade>
    </>
  );
}
