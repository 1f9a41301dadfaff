import { getTranslations } from "next-intl/server";

import { PropertyRow } from "@/components/ui/property-row";

import { billingAccountAdmins, requireBillingScope } from "../scope";
import { BillingAccountBlade } from "./billing-account-blade";
import { adminsText, CHECK_ACCOUNT_TYPE_URL } from "./pay-notices";

/** Properties of a billing account — where a user "checks the type of their account". */
export async function BillingAccountProperties({ accountId }: { accountId: string }) {
  const { account, role } = await requireBillingScope(accountId);
  const [t, ta, admins] = await Promise.all([
    getTranslations("access.properties"),
    getTranslations("access"),
    billingAccountAdmins(account.id),
  ]);
  const row = (label: string, value: React.ReactNode) => (
    <PropertyRow label={label} labelWidth="220px">
      {value}
    </PropertyRow>
  );
  return (
    <>
      <BillingAccountBlade account={account} title={t("title")}>
        <dl className="mt-4 max-w-4xl bg-surface px-4 text-[13px]">
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
      </BillingAccountBlade>
    </>
  );
}
