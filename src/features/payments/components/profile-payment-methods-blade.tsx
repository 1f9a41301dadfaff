import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { MessageBar } from "@/components/ui/message-bar";
import { TableHead } from "@/components/ui/table-head";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { billingAccountPath } from "@/features/access/paths";
import { canManagePaymentMethods } from "@/features/access/policy";
import { requireBillingScope } from "@/features/access/scope";
import { ClientMessages } from "@/i18n/client-messages";
import { cardBrandName } from "@/lib/card-brand";
import { worldNow } from "@/server/world-clock";

import { getProfilePaymentMethods, type SavedCard } from "../queries";
import { AddCardForm } from "./add-card-form";
import { CardActions } from "./card-actions";
import { EditCardForm } from "./edit-card-form";
import { ReplaceDefaultForm } from "./replace-default-form";

const cardLabel = (card: SavedCard) => `${cardBrandName(card.brand)} •••• ${card.last4}`;
const expiry = (card: SavedCard) => `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`;

/**
 * Billing profiles › profile › Payment methods, as the portal has it for an MCA billing profile: the
 * default card first with Replace and Edit, then the other cards with Edit, Make default and Remove
 * (never the default's), and Add a card. Everyone with a role sees it; only the admin changes it.
 */
export async function ProfilePaymentMethodsBlade({ accountId, profileId }: { accountId: string; profileId: string }) {
  const { user, account, access } = await requireBillingScope(accountId);
  const canManage = canManagePaymentMethods(access);
  const clock = await worldNow(user.worldId);
  const [t, tp, locale, profile] = await Promise.all([
    getTranslations("payments"),
    getTranslations("profiles"),
    getLocale(),
    getProfilePaymentMethods(account.id, profileId, clock),
  ]);
  if (!profile) notFound();
  const nowIso = clock.toISOString();
  const { defaultCard, otherCards } = profile;
  const replacements = otherCards
    .filter((card) => !card.expired)
    .map((card) => ({ id: card.id, label: `${cardLabel(card)} (${expiry(card)})` }));
  const country = new Intl.DisplayNames([locale], { type: "region" });
  const address = (card: SavedCard) =>
    t("profileMethods.address", { postalCode: card.postalCode, country: country.of(card.country) ?? card.country });

  return (
    <ClientMessages namespaces={["payments"]}>
      <BillingAccountBlade
        account={account}
        title={t("methods.title")}
        headingName={profile.name}
        parents={[
          { label: tp("title"), href: `${billingAccountPath(account.id)}/billing-profiles` },
          // As on Billing profiles, a profile's name opens its invoices.
          {
            label: profile.name,
            href: `${billingAccountPath(account.id)}/invoices?${new URLSearchParams({ profile: profile.id })}`,
          },
        ]}
      >
        <p className="mt-1 mb-3 max-w-3xl text-[13px] text-ink-muted">{t("profileMethods.intro")}</p>
        {!canManage && <MessageBar intent="info">{t("methods.readOnly")}</MessageBar>}

        <section aria-labelledby="default-method" className="mt-4 max-w-5xl bg-surface p-4">
          <h2 id="default-method" className="mb-2 text-base font-semibold">
            {t("profileMethods.defaultHeading")}
          </h2>
          {defaultCard ? (
            <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-1 text-[13px]">
              <dt className="text-ink-muted">{t("methods.card")}</dt>
              <dd>{cardLabel(defaultCard)}</dd>
              <dt className="text-ink-muted">{t("methods.expires")}</dt>
              <dd>
                {expiry(defaultCard)}
                {defaultCard.expired && <span className="ml-2 text-danger">{t("methods.expired")}</span>}
              </dd>
              <dt className="text-ink-muted">{t("methods.holder")}</dt>
              <dd>{defaultCard.holderName}</dd>
              <dt className="text-ink-muted">{t("profileMethods.billingAddress")}</dt>
              <dd>{address(defaultCard)}</dd>
            </dl>
          ) : (
            <p className="text-[13px] text-ink-muted">
              {profile.defaultPaymentKind === "WIRE" ? t("methods.wireDefault") : t("profileMethods.noDefault")}
            </p>
          )}
          {canManage && (
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <ReplaceDefaultForm
                accountId={account.id}
                billingProfileId={profile.id}
                profileName={profile.name}
                cards={replacements}
                nowIso={nowIso}
              />
              {defaultCard && (
                <div className="pt-3">
                  <EditCardForm
                    accountId={account.id}
                    card={defaultCard}
                    label={cardLabel(defaultCard)}
                    nowIso={nowIso}
                  />
                </div>
              )}
            </div>
          )}
        </section>

        <section aria-labelledby="other-methods" className="mt-4 max-w-5xl bg-surface p-4">
          <h2 id="other-methods" className="mb-2 text-base font-semibold">
            {t("profileMethods.otherHeading")}
          </h2>
          {otherCards.length === 0 ? (
            <p className="text-[13px] text-ink-muted">{t("profileMethods.noOther")}</p>
          ) : (
            <table className="w-full text-left text-[13px]">
              <TableHead
                columns={[
                  t("methods.card"),
                  t("methods.expires"),
                  t("methods.holder"),
                  t("methods.status"),
                  ...(canManage ? [t("methods.actions")] : []),
                ]}
                cell="py-1.5"
              />
              <tbody>
                {otherCards.map((card) => (
                  <tr key={card.id} className="border-b border-stroke-subtle align-top">
                    <td className="py-1.5">{cardLabel(card)}</td>
                    <td className="py-1.5">{expiry(card)}</td>
                    <td className="py-1.5">{card.holderName}</td>
                    <td className="py-1.5">
                      {card.expired ? t("methods.expired") : t("methods.active")}
                      {card.inPendingPayment && (
                        <span className="block text-xs text-ink-muted">{t("profileMethods.pending")}</span>
                      )}
                    </td>
                    {canManage && (
                      <td className="py-1.5">
                        <div className="flex flex-wrap items-start gap-3">
                          <EditCardForm accountId={account.id} card={card} label={cardLabel(card)} nowIso={nowIso} />
                          <CardActions
                            accountId={account.id}
                            paymentMethodId={card.id}
                            label={cardLabel(card)}
                            canSetDefault={!card.expired}
                            canRemove={!card.inPendingPayment}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canManage && (
            <AddCardForm
              accountId={account.id}
              billingProfileId={profile.id}
              profileName={profile.name}
              nowIso={nowIso}
            />
          )}
        </section>
      </BillingAccountBlade>
    </ClientMessages>
  );
}
