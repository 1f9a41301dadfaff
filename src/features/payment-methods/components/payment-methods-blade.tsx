import { getTranslations } from "next-intl/server";

import { ProfileTable } from "@/components/ui/profile-table";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { billingProfilePaymentMethodsPath } from "@/features/access/paths";
import { requireBillingScope } from "@/features/access/scope";
import { cardBrandName } from "@/lib/card-brand";

import { summarisePaymentMethods } from "../queries";
import { ProfilePaymentMethodsBlade } from "./profile-payment-methods-blade";

/**
 * The account's Payment methods: a summary. Cards belong to billing profiles (Billing profiles ›
 * profile › Payment methods), so each profile's row says how it pays and links to its own page.
 */
export async function PaymentMethodsBlade({ accountId }: { accountId: string }) {
  const { account } = await requireBillingScope(accountId);
  const [t, profiles] = await Promise.all([getTranslations("payments"), summarisePaymentMethods(account.id)]);
  // A pay-as-you-go (MOSP) account shows no billing profiles: its Payment methods page is its (one)
  // subscription's cards themselves (change-credit-card, "Manage pay-as-you-go credit cards").
  if (account.agreementType === "MOSP" && profiles.length === 1)
    return <ProfilePaymentMethodsBlade accountId={account.id} profileId={profiles[0].id} accountLevel />;
  return (
    <BillingAccountBlade account={account} title={t("methods.title")}>
      <p className="mt-1 mb-3 max-w-3xl text-[13px] text-ink-muted">{t("profileMethods.summaryIntro")}</p>
      <ProfileTable
        columns={[
          t("profileMethods.profileColumn"),
          t("profileMethods.defaultColumn"),
          t("profileMethods.cardsColumn"),
          t("methods.actions"),
        ]}
        rows={profiles.map((profile) => ({
          id: profile.id,
          name: profile.name,
          cells: [
            {
              value: profile.defaultCard
                ? t("profileMethods.defaultCard", {
                    brand: cardBrandName(profile.defaultCard.brand),
                    last4: profile.defaultCard.last4,
                  })
                : profile.defaultPaymentKind === "WIRE"
                  ? t("profileMethods.wire")
                  : t("profileMethods.noDefaultCard"),
            },
            { value: profile.cardCount },
            {
              link: {
                href: billingProfilePaymentMethodsPath(account.id, profile.id),
                text: t("profileMethods.manage"),
                label: t("profileMethods.manageLabel", { name: profile.name }),
              },
            },
          ],
        }))}
      />
    </BillingAccountBlade>
  );
}
