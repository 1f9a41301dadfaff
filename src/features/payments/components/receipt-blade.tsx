import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Blade } from "@/components/ui/blade";
import { PropertyRow } from "@/components/ui/property-row";
import { requireBillingScope } from "@/features/access/scope";
import { intlLocaleOf } from "@/i18n/format";
import { cardBrandName } from "@/lib/card-brand";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

import { getReceipt } from "../queries";
import { PrintButton } from "./print-button";

/** A printable receipt of one successful payment of an invoice. */
export async function ReceiptBlade({
  accountId,
  invoiceId,
  paymentId,
  closeHref,
}: {
  accountId: string;
  invoiceId: string;
  paymentId: string;
  closeHref: string;
}) {
  const { account } = await requireBillingScope(accountId);
  const payment = await getReceipt(account.id, invoiceId, paymentId);
  if (!payment) notFound();
  const [t, ti, locale] = await Promise.all([
    getTranslations("payments.receipt"),
    getTranslations("invoices.details"),
    intlLocaleOf(),
  ]);
  const row = (label: string, value: string) => (
    <PropertyRow label={label} valueClassName="font-semibold break-all">
      {value}
    </PropertyRow>
  );
  return (
    <Blade title={t("title")} subtitle={payment.invoiceId} closeHref={closeHref} width="narrow">
      <div className="no-print mb-3">
        <PrintButton label={t("print")} />
      </div>
      <dl className="text-[13px]">
        {row(t("paymentId"), payment.id)}
        {row(
          t("date"),
          formatDate(payment.settledAt ?? payment.createdAt, locale, { dateStyle: "long", timeStyle: "short" }),
        )}
        {row(t("amount"), formatMoney(payment.amountMinor, payment.currency, locale))}
        {row(t("invoiceNumber"), payment.invoiceId)}
        {row(t("billingAccount"), account.name)}
        {row(
          t("method"),
          payment.kind === "WIRE_TRANSFER"
            ? ti("wireTransfer")
            : `${cardBrandName(payment.cardBrand)} •••• ${payment.cardLast4}`,
        )}
        {row(t("reference"), payment.processorReference ?? "")}
        {row(t("status"), t("succeeded"))}
      </dl>
    </Blade>
  );
}
