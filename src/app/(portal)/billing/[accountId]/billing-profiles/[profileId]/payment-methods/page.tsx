import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam } from "@/features/access/paths";
import { ProfilePaymentMethodsBlade } from "@/features/payment-methods/components/profile-payment-methods-blade";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.methods"))("title") };
}

export default async function ProfilePaymentMethodsPage({
  params,
}: PageProps<"/billing/[accountId]/billing-profiles/[profileId]/payment-methods">) {
  const { accountId, profileId } = await params;
  return (
    <ProfilePaymentMethodsBlade accountId={accountIdFromParam(accountId)} profileId={accountIdFromParam(profileId)} />
  );
}
