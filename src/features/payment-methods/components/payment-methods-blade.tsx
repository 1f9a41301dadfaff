import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { TableHead } from "@/components/ui/table-head";
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
      <div className="overflow-x-auto bg-surface">
        <table className="w-full max-w-5xl text-left text-[13px]">
          <TableHead
            columns={[
              t("profileMethods.profileColumn"),
              t("profileMethods.defaultColumn"),
              t("profileMethods.cardsColumn"),
              t("methods.actions"),
            ]}
          />
          <tbody>
            {profiles.map((profile) => (
              <tr key={profile.id} className="border-b border-stroke-subtle">
                <th scope="row" className="px-3 py-2 font-normal">
                  {profile.name}
                </th>
                <td className="px-3 py-2">
                  {profile.defaultCard
                    ? t("profileMethods.defaultCard", {
                        brand: cardBrandName(profile.defaultCard.brand),
                        last4: profile.defaultCard.last4,
                      })
                    : profile.defaultPaymentKind === "WIRE"
                      ? t("profileMethods.wire")
                      : t("profileMethods.noDefaultCard")}
                </td>
                <td className="px-3 py-2">{profile.cardCount}</td>
                <td className="px-3 py-2">
                  <Link
                    href={billingProfilePaymentMethodsPath(account.id, profile.id)}
                    aria-label={t("profileMethods.manageLabel", { name: profile.name })}
                    className="text-brand hover:underline"
                  >
                    {t("profileMethods.manage")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BillingAccountBlade>
  );
}
