import { useTranslations } from "next-intl";

import { MessageBar } from "@/components/ui/message-bar";
import { PropertyRow } from "@/components/ui/property-row";

/** Simulated bank details for invoices above the card limit; the invoice number is the reference. */
export function WireTransferInstructions({
  invoiceId,
  amount,
  limit,
  currency,
}: {
  invoiceId: string;
  amount: string;
  limit: string;
  currency: string;
}) {
  const t = useTranslations("payments.wire");
  const row = (label: string, value: string) => (
    <PropertyRow label={label} valueClassName="font-mono">
      {value}
    </PropertyRow>
  );
  return (
    <section aria-labelledby="wire-heading" className="flex flex-col gap-3">
      <h3 id="wire-heading" className="text-base font-semibold">
        {t("title")}
      </h3>
      <MessageBar intent="info">{t("intro", { amount, limit, currency })}</MessageBar>
      <dl className="text-[13px]">
        {row(t("bank"), t("bankName"))}
        {row(t("accountName"), t("accountHolder"))}
        {row(t("accountNumber"), "000-SIM-4471")}
        {row(t("routing"), "121000358")}
        {row(t("swift"), "SIMUUS33")}
        {row(t("reference"), invoiceId)}
      </dl>
      <p className="text-xs text-ink-muted">{t("referenceHint")}</p>
    </section>
  );
}
