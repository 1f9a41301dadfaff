import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { Breadcrumb } from "@/components/ui/breadcrumb";

import { billingAccountPath } from "../paths";

/**
 * A billing account's blade, as every one of them opens: the breadcrumb
 * (Home › Cost Management + Billing › account › blade) and the heading
 * "account | blade", then the blade's own content. The Overview is the
 * account's own page: its breadcrumb ends at the account.
 */
export async function BillingAccountBlade({
  account,
  title,
  overview = false,
  parents = [],
  headingName = account.name,
  children,
}: {
  account: { id: string; name: string };
  title: string;
  overview?: boolean;
  /** Blades between the account and this one (Billing profiles › profile), in the breadcrumb. */
  parents?: { label: string; href: string }[];
  /** The name before "| title" in the heading: the account's, or a profile's when the blade is one profile's. */
  headingName?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("portal.services");
  const crumbs = overview
    ? [{ label: account.name }]
    : [{ label: account.name, href: billingAccountPath(account.id) }, ...parents, { label: title }];
  return (
    <>
      <Breadcrumb items={[{ label: t("costManagementBilling"), href: "/billing" }, ...crumbs]} />
      <main className="px-4 py-3 md:px-6">
        <h1 className="text-2xl font-semibold break-words">
          {headingName} | {title}
        </h1>
        {children}
      </main>
    </>
  );
}
