import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useFormatMoney } from "@/i18n/use-money";
import { invoicesQuery, type InvoiceFilters } from "../filters";
import type { GridInvoice } from "../queries";
import { isPayableStatus } from "../status";
import { StatusBadge } from "./status-badge";

type Props = {
  basePath: string;
  rows: GridInvoice[];
  filters: InvoiceFilters;
  /** Whether the signed-in user may pay this account's invoices (policy, asked by the page). */
  canPay: boolean;
  pdfHref: (invoiceId: string) => string;
};

const sortable = { invoiceDate: "invoiceDate", dueDate: "dueDate", totalMinor: "amount" } as const;

/** The Invoices blade's grid. Pay now shows only on payable rows, only for a user allowed to pay. */
export function InvoicesGrid({ basePath, rows, filters, canPay, pdfHref }: Props) {
  const t = useTranslations("invoices");
  const format = useFormatter();
  const money = useFormatMoney();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });

  const header = (label: string, column?: keyof typeof sortable) => {
    if (!column) return <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">{label}</th>;
    const key = sortable[column];
    const active = filters.sort === key;
    const nextDir = active && filters.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={`${basePath}${invoicesQuery({ ...filters, sort: key, dir: nextDir, page: 1 })}`} scroll={false} className="hover:underline" aria-label={t("sort.sortBy", { column: label })}>
          {label}
          {active && <span aria-hidden> {filters.dir === "asc" ? "↑" : "↓"}</span>}
        </Link>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[880px] text-left text-[13px]">
        <thead>
          <tr className="border-b border-stroke">
            {header(t("columns.invoiceId"))}
            {header(t("columns.billingProfile"))}
            {header(t("columns.invoiceDate"), "invoiceDate")}
            {header(t("columns.dueDate"), "dueDate")}
            {header(t("columns.billingPeriod"))}
            {header(t("columns.total"), "totalMinor")}
            {header(t("columns.amountDue"))}
            {header(t("columns.status"))}
            <th scope="col" className="px-3 py-2"><span className="sr-only">{t("columns.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((invoice) => {
            const details = `${basePath}${invoicesQuery(filters, { invoice: invoice.id, blade: "details" })}`;
            return (
              <tr key={invoice.id} className="border-b border-stroke-subtle hover:bg-[#fafafa]">
                <td className="px-3 py-2">
                  <Link href={details} scroll={false} className="text-brand hover:underline">{invoice.id}</Link>
                </td>
                <td className="px-3 py-2">{invoice.billingProfile.name}</td>
                <td className="px-3 py-2 whitespace-nowrap">{day(invoice.invoiceDate)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{day(invoice.dueDate)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{t("period", { start: day(invoice.periodStart), end: day(invoice.periodEnd) })}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{money(invoice.totalMinor, invoice.currency)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{money(invoice.amountDueMinor, invoice.currency)}</td>
                <td className="px-3 py-2"><StatusBadge status={invoice.status} /></td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <span className="flex items-center gap-3">
                    {canPay && isPayableStatus(invoice.status) && (
                      <Link
                        href={`${basePath}${invoicesQuery(filters, { invoice: invoice.id, blade: "pay" })}`}
                        scroll={false}
                        aria-label={t("payNowLabel", { id: invoice.id })}
                        className="font-semibold text-brand hover:underline"
                      >
                        {t("payNow")}
                      </Link>
                    )}
                    <a href={pdfHref(invoice.id)} download className="text-brand hover:underline" aria-label={`${t("downloadPdf")} ${invoice.id}`}>
                      {t("downloadPdf")}
                    </a>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-3 py-8 text-center text-ink-muted">{t("empty")}</p>}
    </div>
  );
}
