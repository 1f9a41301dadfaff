import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam } from "@/features/access/paths";
import { BillingProfilesBlade } from "@/features/billing-profiles/components/billing-profiles-blade";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profiles"))("title") };
}

export default async function BillingProfilesPage({ params }: PageProps<"/billing/[accountId]/billing-profiles">) {
  return <BillingProfilesBlade accountId={accountIdFromParam((await params).accountId)} />;
}
