import { getTranslations } from "next-intl/server";

import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PropertyRow } from "@/components/ui/property-row";

import { billingAccountPath } from "../paths";
import { billingAccountAdmins, requireBillingScope } from "../scope";
import { adminsText, CHECK_ACCOUNT_TYPE_URL } from "./pay-notices";

/** Properties of a billing account — where a user "checks the type of their account". */
export async function BillingAccountProperties({ accountId }: { accountId: string }) {
  const { account, role } = await requireBillingScope(accountId);
  const [t, ta, tp, admins] = await Promise.all([
    getTranslations("access.properties"),
    getTranslations("access"),
    getTranslations("portal.services"),
    billingAccountAdmins(account.id),
  ]);
  const row = (label: string, value: React.ReactNode) => (
    <PropertyRow label={label} labelWidth="220px">
      {value}
    </PropertyRow>
  );
  return (
    <>
      <Breadcrumb
        items={[
          { label: tp("costManagementBilling"), href: "/billing" },
          { label: account.name, href: billingAccountPath(account.id) },
          { label: t("title") },
        ]}
      />
      <main className="px-6 py-3">
        <h1 className="mb-4 text-2xl font-semibold">
          {account.name} | {t("title")}
        </h1>
        <dl className="max-w-4xl bg-surface px-4 text-[13px]">
          {row(t("name"), account.name)}
          {row(t("id"), <span className="font-mono break-all">{account.id}</span>)}
          {row(
            t("billingAccountType"),
            <>
              <span className="font-semibold">{ta(`agreementTypes.${account.agreementType}`)}</span>
              <p className="mt-1 text-ink-muted">{t("billingAccountTypeHelp")}</p>
            </>,
          )}
          {row(t("currency"), account.currency)}
          {row(t("yourRole"), ta(`roles.${role}`))}
          {row(t("admins"), adminsText(admins))}
        </dl>
        <p className="mt-4 text-[13px]">
          <a href={CHECK_ACCOUNT_TYPE_URL} target="_blank" rel="noreferrer" className="text-brand hover:underline">
            {t("checkAccess")}
          </a>
        </p>
      </main>
    </>
  );
}
