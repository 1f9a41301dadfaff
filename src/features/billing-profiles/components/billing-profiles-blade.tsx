import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ProfileTable } from "@/components/ui/profile-table";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { billingAccountPath, billingProfilePaymentMethodsPath } from "@/features/access/paths";
import { requireBillingScope } from "@/features/access/scope";
import { cardBrandName } from "@/lib/card-brand";

import { listBillingProfilesWithDefaultPayment, type BillingProfileDefaultPayment } from "../queries";

/** The invoices grid of the account, filtered to one billing profile. */
export function profileInvoicesPath(accountId: string, profileId: string): string {
  return `${billingAccountPath(accountId)}/invoices?${new URLSearchParams({ profile: profileId })}`;
}

/** Billing › Billing profiles: each profile of the account, how it is paid, and a way to its invoices. */
export async function BillingProfilesBlade({ accountId }: { accountId: string }) {
  const { account } = await requireBillingScope(accountId);
  // A pay-as-you-go (MOSP) account has no billing profiles to show (its invoices and cards are its subscription's).
  if (account.agreementType === "MOSP") notFound();
  const [t, profiles] = await Promise.all([
    getTranslations("profiles"),
    listBillingProfilesWithDefaultPayment(account.id),
  ]);
  const defaultPayment = (payment: BillingProfileDefaultPayment) => {
    switch (payment.kind) {
      case "card":
        return t("defaultPayment.card", { brand: cardBrandName(payment.brand), last4: payment.last4 });
      case "cardMissing":
        return t("defaultPayment.cardMissing");
      case "wire":
        return t("defaultPayment.wire");
    }
  };
  return (
    <>
      <BillingAccountBlade account={account} title={t("title")}>
        <p className="mt-1 mb-4 max-w-3xl text-ink-muted">{t("intro")}</p>
        {profiles.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ProfileTable
            columns={[
              t("columns.name"),
              t("columns.id"),
              t("columns.currency"),
              t("columns.defaultPayment"),
              t("columns.paymentMethods"),
            ]}
            rows={profiles.map((profile) => ({
              id: profile.id,
              name: profile.name,
              nameHref: profileInvoicesPath(account.id, profile.id),
              cells: [
                { value: profile.id, mono: true },
                { value: profile.currency },
                { value: defaultPayment(profile.defaultPayment) },
                {
                  link: {
                    href: billingProfilePaymentMethodsPath(account.id, profile.id),
                    text: t("paymentMethods"),
                    label: t("paymentMethodsLabel", { name: profile.name }),
                  },
                },
              ],
            }))}
          />
        )}
      </BillingAccountBlade>
    </>
  );
}
