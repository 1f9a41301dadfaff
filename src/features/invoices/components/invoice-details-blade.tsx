import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Blade } from "@/components/ui/blade";
import { buttonClass } from "@/components/ui/button";
import { PropertyRow } from "@/components/ui/property-row";
import { TableHead } from "@/components/ui/table-head";
import { requireBillingScope } from "@/features/access/scope";
import { intlLocaleOf } from "@/i18n/format";
import { cardBrandName } from "@/lib/card-brand";
import { formatDate } from "@/lib/dates";
import { invoiceStatus } from "@/lib/invoice-status";
import { formatMoney } from "@/lib/money";
import { worldNow } from "@/server/world-clock";

import { invoicePdfPath } from "../pdf-path";
import { getInvoiceDetails } from "../queries";
import { StatusBadge } from "./status-badge";

/** Invoice details: header fields, charges, totals and every payment made against it. */
export async function InvoiceDetailsBlade({
  accountId,
  invoiceId,
  closeHref,
  receiptHref,
}: {
  accountId: string;
  invoiceId: string;
  closeHref: string;
  receiptHref?: (paymentId: string) => string;
}) {
  const { user, account } = await requireBillingScope(accountId);
  const invoice = await getInvoiceDetails(account.id, invoiceId);
  if (!invoice) notFound();
  const [t, ti, locale] = await Promise.all([
    getTranslations("invoices.details"),
    getTranslations("invoices"),
    intlLocaleOf(),
  ]);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const day = (date: Date) => formatDate(date, locale);
  const status = invoiceStatus(invoice, await worldNow(user.worldId));

  const field = (label: string, value: React.ReactNode) => (
    <PropertyRow label={label} labelWidth="160px" ruled={false}>
      {value}
    </PropertyRow>
  );

  return (
    <Blade title={t("title", { id: invoice.id })} subtitle={invoice.billingProfile.name} closeHref={closeHref}>
      <div className="mb-4 flex gap-2">
        <a href={invoicePdfPath(account.id, invoice.id)} download className={buttonClass("secondary")}>
          {ti("downloadPdf")}
        </a>
      </div>
      <section aria-labelledby="details-summary">
        <h3 id="details-summary" className="mb-1 text-base font-semibold">
          {t("summary")}
        </h3>
        <dl className="text-[13px]">
          {field(t("billingAccount"), invoice.billingAccount.name)}
          {field(t("billingProfile"), invoice.billingProfile.name)}
          {field(t("invoiceDate"), day(invoice.invoiceDate))}
          {field(t("dueDate"), day(invoice.dueDate))}
          {field(t("billingPeriod"), ti("period", { start: day(invoice.periodStart), end: day(invoice.periodEnd) }))}
          {field(t("status"), <StatusBadge status={status} label={ti(`status.${status}`)} />)}
        </dl>
      </section>
      <section aria-labelledby="details-lines" className="mt-5">
        <h3 id="details-lines" className="mb-1 text-base font-semibold">
          {t("lines")}
        </h3>
        <table className="w-full text-left text-[13px]">
          <TableHead columns={[t("service"), t("description"), { label: t("amount"), align: "right" }]} cell="py-1.5" />
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.id} className="border-b border-stroke-subtle">
                <td className="py-1.5">{line.serviceFamily}</td>
                <td className="py-1.5">{line.description}</td>
                <td className="py-1.5 text-right tabular-nums">{money(line.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="tabular-nums">
            <tr>
              <th scope="row" colSpan={2} className="pt-2 text-right font-normal">
                {t("subtotal")}
              </th>
              <td className="pt-2 text-right">{money(invoice.subtotalMinor)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={2} className="text-right font-normal">
                {t("tax")}
              </th>
              <td className="text-right">{money(invoice.taxMinor)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={2} className="text-right font-semibold">
                {t("total")}
              </th>
              <td className="text-right font-semibold">{money(invoice.totalMinor)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={2} className="text-right font-semibold">
                {t("amountDue")}
              </th>
              <td className="text-right font-semibold">{money(invoice.voided ? 0 : invoice.amountDueMinor)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <section aria-labelledby="details-payments" className="mt-5">
        <h3 id="details-payments" className="mb-1 text-base font-semibold">
          {t("payments")}
        </h3>
        {invoice.payments.length === 0 ? (
          <p className="text-[13px] text-ink-muted">{t("noPayments")}</p>
        ) : (
          <table className="w-full text-left text-[13px]">
            <thead>
              <tr className="border-b border-stroke">
                <th scope="col" className="py-1.5 font-semibold">
                  {t("paymentDate")}
                </th>
                <th scope="col" className="py-1.5 text-right font-semibold">
                  {t("paymentAmount")}
                </th>
                <th scope="col" className="py-1.5 pl-4 font-semibold">
                  {t("paymentMethod")}
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  {t("paymentResult")}
                </th>
                <th scope="col" className="py-1.5">
                  <span className="sr-only">{t("receipt")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.payments.map((payment) => (
                <tr key={payment.id} className="border-b border-stroke-subtle">
                  <td className="py-1.5">
                    {formatDate(payment.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {formatMoney(payment.amountMinor, payment.currency, locale)}
                  </td>
                  <td className="py-1.5 pl-4">
                    {payment.kind === "WIRE_TRANSFER"
                      ? t("wireTransfer")
                      : `${cardBrandName(payment.cardBrand)} •••• ${payment.cardLast4}`}
                  </td>
                  <td className="py-1.5">{t(`results.${payment.status as "SUCCEEDED"}`)}</td>
                  <td className="py-1.5">
                    {payment.status === "SUCCEEDED" && receiptHref && (
                      <a href={receiptHref(payment.id)} className="text-brand hover:underline">
                        {t("receipt")}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Blade>
  );
}
