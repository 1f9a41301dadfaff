import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam } from "@/features/access/paths";
import { PaymentMethodsBlade } from "@/features/payment-methods/components/payment-methods-blade";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.methods"))("title") };
}

export default async function PaymentMethodsPage({ params }: PageProps<"/billing/[accountId]/payment-methods">) {
  return <PaymentMethodsBlade accountId={accountIdFromParam((await params).accountId)} />;
}
