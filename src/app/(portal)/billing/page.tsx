import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { Breadcrumb } from "@/components/ui/breadcrumb";
import { BillingScopesList } from "@/features/access/components/billing-scopes-list";
import { billingAccountPath } from "@/features/access/paths";
import { listBillingScopes } from "@/features/access/scope";
import { requireUser } from "@/features/access/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.services"))("costManagementBilling") };
}

export default async function BillingScopesPage() {
  const user = await requireUser();
  const scopes = await listBillingScopes(user.id);
  // Like the portal: with a single billing account there is nothing to choose.
  if (scopes.length === 1) redirect(billingAccountPath(scopes[0].id));
  const t = await getTranslations("portal.services");
  return (
    <>
      <Breadcrumb items={[{ label: t("costManagementBilling") }]} />
      <BillingScopesList scopes={scopes} />
    </>
  );
}
