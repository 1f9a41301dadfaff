import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam, billingAccountPath } from "@/features/access/paths";
import { BillingOverview } from "@/features/invoices/components/billing-overview";
import { SettleBalanceBanner } from "@/features/settle-balance/components/settle-balance-banner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices.overview"))("title") };
}

/** The billing account's Overview blade, where Cost Management + Billing opens. */
export default async function BillingAccountOverviewPage({ params }: PageProps<"/billing/[accountId]">) {
  const accountId = accountIdFromParam((await params).accountId);
  const settleHref = `${billingAccountPath(accountId)}/invoices?blade=settle`;
  return (
    <BillingOverview
      accountId={accountId}
      notices={<SettleBalanceBanner accountId={accountId} settleHref={settleHref} />}
    />
  );
}
