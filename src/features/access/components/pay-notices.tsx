import { useTranslations } from "next-intl";

import { MessageBar } from "@/components/ui/message-bar";

import type { AgreementType } from "../roles";

export const CHECK_ACCOUNT_TYPE_URL =
  "https://learn.microsoft.com/azure/cost-management-billing/manage/change-credit-card#check-the-type-of-your-account";

export type BillingAccountAdmin = { displayName: string; email: string };

/** The billing account admins as one line, each as "Name <email>" — the one way the portal writes them. */
export function adminsText(admins: BillingAccountAdmin[]): string {
  return admins.map((admin) => `${admin.displayName} <${admin.email}>`).join(", ");
}

/**
 * Told to a billing account reader wherever paying comes up (the Invoices
 * grid, the Pay now blade): who can pay, and where to check one's access.
 * `refusal`: the reader asked to pay (Pay now blade), so it is an alert.
 */
export function WhoCanPayNotice({ admins, refusal = false }: { admins: BillingAccountAdmin[]; refusal?: boolean }) {
  const t = useTranslations("access.payNotices");
  return (
    <MessageBar intent={refusal ? "warning" : "info"} role={refusal ? "alert" : undefined}>
      {t("readerCannotPay", { admins: adminsText(admins) })}{" "}
      <a href={CHECK_ACCOUNT_TYPE_URL} className="text-brand underline" target="_blank" rel="noreferrer">
        {t("checkAccess")}
      </a>
    </MessageBar>
  );
}

/** How invoices of an account that is not paid with Pay now are paid (MOSP, EA); nothing for MCA. */
export function AgreementNotice({
  agreementType,
  refusal = false,
  hasPayNow = false,
}: {
  agreementType: AgreementType;
  refusal?: boolean;
  /** A MOSP account in a country with Pay now pays like an MCA one: nothing to explain. */
  hasPayNow?: boolean;
}) {
  const t = useTranslations("access.payNotices.agreement");
  if (agreementType === "MCA" || hasPayNow) return null;
  return (
    <MessageBar intent="info" role={refusal ? "status" : undefined}>
      {t(agreementType)}
    </MessageBar>
  );
}
