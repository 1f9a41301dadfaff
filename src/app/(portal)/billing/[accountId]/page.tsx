import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam } from "@/features/access/paths";
import { BillingOverview } from "@/features/invoices/components/billing-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices.overview"))("title") };
}

/** The billing account's Overview blade, where Cost Management + Billing opens. */
export default async function BillingAccountOverviewPage({ params }: PageProps<"/billing/[accountId]">) {
  return <BillingOverview accountId={accountIdFromParam((await params).accountId)} />;
}
