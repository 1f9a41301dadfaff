import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { MessageBar } from "@/components/ui/message-bar";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { billingAccountPath } from "@/features/access/paths";
import { canManagePaymentMethods } from "@/features/access/policy";
import { requireBillingScope } from "@/features/access/scope";
import { ClientMessages } from "@/i18n/client-messages";
import { cardBrandName } from "@/lib/card-brand";
import { worldNow } from "@/server/world-clock";

import { getProfilePaymentMethods, type SavedCard } from "../queries";
import { AddCardForm } from "./add-card-form";
import { OnePane } from "./one-pane";
import { ReplaceDefaultForm } from "./replace-default-form";
import { YourCreditCards } from "./your-credit-cards";

const cardLabel = (card: SavedCard) => `${cardBrandName(card.brand)} •••• ${card.last4}`;
const expiry = (card: SavedCard) => `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`;

/**
 * Billing profiles › profile › Payment methods, as the portal has it for an MCA billing profile
 * (change-credit-card, delete-azure-payment-method): Default payment method with Replace, then Your
 * credit cards, each with a "…" menu of Edit, Make default and Delete, and Add a card. One pane at a
 * time (OnePane). Everyone with a role sees it; only the admin changes it.
 */
export async function ProfilePaymentMethodsBlade({
  accountId,
  profileId,
  accountLevel = false,
}: {
  accountId: string;
  profileId: string;
  /** The account's own Payment methods page (a MOSP account, whose one profile is not shown as such). */
  accountLevel?: boolean;
}) {
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
  // What the picker and the rows need of a card: nothing of its payments or fingerprint reaches the browser.
  const replacements = otherCards.map(({ id, brand, last4, expMonth, expYear, expired, isDefault }) => ({
    id,
    brand,
    last4,
    expMonth,
    expYear,
    expired,
    isDefault,
  }));
  const listed = [...(defaultCard ? [defaultCard] : []), ...otherCards].map((card) => ({
    id: card.id,
    label: cardLabel(card),
    expiry: expiry(card),
    expMonth: card.expMonth,
    expYear: card.expYear,
    holderName: card.holderName,
    country: card.country,
    postalCode: card.postalCode,
    expired: card.expired,
    isDefault: card.isDefault,
    inPendingPayment: card.inPendingPayment,
  }));
  const country = new Intl.DisplayNames([locale], { type: "region" });
  const address = (card: SavedCard) =>
    t("profileMethods.address", { postalCode: card.postalCode, country: country.of(card.country) ?? card.country });

  return (
    <ClientMessages namespaces={["payments"]}>
      <BillingAccountBlade
        account={account}
        title={t("methods.title")}
        headingName={accountLevel ? account.name : profile.name}
        parents={
          accountLevel
            ? []
            : [
                { label: tp("title"), href: `${billingAccountPath(account.id)}/billing-profiles` },
                // As on Billing profiles, a profile's name opens its invoices.
                {
                  label: profile.name,
                  href: `${billingAccountPath(account.id)}/invoices?${new URLSearchParams({ profile: profile.id })}`,
                },
              ]
        }
      >
        <OnePane>
          <p className="mt-1 mb-3 max-w-3xl text-[13px] text-ink-muted">
            {accountLevel ? t("profileMethods.subscriptionIntro") : t("profileMethods.intro")}
          </p>
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
              <ReplaceDefaultForm
                accountId={account.id}
                billingProfileId={profile.id}
                profileName={profile.name}
                cards={replacements}
                nowIso={nowIso}
              />
            )}
          </section>

          <section aria-labelledby="your-cards" className="mt-4 max-w-5xl bg-surface p-4">
            <h2 id="your-cards" className="mb-2 text-base font-semibold">
              {t("methods.yourCards")}
            </h2>
            <YourCreditCards
              accountId={account.id}
              profileName={profile.name}
              cards={listed}
              canManage={canManage}
              nowIso={nowIso}
            />
            {canManage && (
              <AddCardForm
                accountId={account.id}
                billingProfileId={profile.id}
                profileName={profile.name}
                nowIso={nowIso}
              />
            )}
          </section>
        </OnePane>
      </BillingAccountBlade>
    </ClientMessages>
  );
}
