import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { BillingAccountProperties } from "@/features/access/components/billing-account-properties";
import { accountIdFromParam } from "@/features/access/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access.properties"))("title") };
}

export default async function PropertiesPage({ params }: PageProps<"/billing/[accountId]/properties">) {
  return <BillingAccountProperties accountId={accountIdFromParam((await params).accountId)} />;
}
