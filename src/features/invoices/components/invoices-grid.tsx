import { useTranslations } from "next-intl";
import Link from "next/link";

import { offersPayNow, payDenial, type BillingAccess } from "@/features/access/policy";
import { useFormatDate } from "@/i18n/use-date";
import { useFormatMoney } from "@/i18n/use-money";

import { invoicesQuery, type InvoiceFilters } from "../filters";
import type { GridInvoice } from "../queries";
import { InvoiceRows, type InvoiceGridRow } from "./invoice-rows";
import { StatusIconSprite } from "./status-badge";

type Props = {
  basePath: string;
  invoices: GridInvoice[];
  filters: InvoiceFilters;
  /** The signed-in user's access to the account: the policy decides, row by row, where Pay now shows. */
  access: BillingAccess;
  /** The billing account, for the rows' PDF links. */
  accountId: string;
};

const sortable = { invoiceDate: "invoiceDate", dueDate: "dueDate", totalMinor: "amount" } as const;

/** The Invoices blade's grid. Pay now shows only where the policy offers it (payDenial, offersPayNow). */
export function InvoicesGrid({ basePath, invoices, filters, access, accountId }: Props) {
  const t = useTranslations("invoices");
  const money = useFormatMoney();
  const day = useFormatDate();

  const header = (label: string, column?: keyof typeof sortable) => {
    if (!column)
      return (
        <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
          {label}
        </th>
      );
    const key = sortable[column];
    const active = filters.sort === key;
    const nextDir = active && filters.dir === "desc" ? "asc" : "desc";
    return (
      <th
        scope="col"
        className="px-3 py-2 font-semibold whitespace-nowrap"
        aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link
          href={`${basePath}${invoicesQuery({ ...filters, sort: key, dir: nextDir, page: 1 })}`}
          scroll={false}
          className="hover:underline"
          aria-label={t("sort.sortBy", { column: label })}
        >
          {label}
          {active && <span aria-hidden> {filters.dir === "asc" ? "↑" : "↓"}</span>}
        </Link>
      </th>
    );
  };

  const rows: InvoiceGridRow[] = invoices.map((invoice) => ({
    id: invoice.id,
    profile: invoice.billingProfile.name,
    invoiceDate: day(invoice.invoiceDate),
    dueDate: day(invoice.dueDate),
    period: t("period", { start: day(invoice.periodStart), end: day(invoice.periodEnd) }),
    total: money(invoice.totalMinor, invoice.currency),
    amountDue: money(invoice.amountDueMinor, invoice.currency),
    status: invoice.status,
    payable: offersPayNow(payDenial(access, invoice)),
  }));

  return (
    <div className="overflow-x-auto">
      <StatusIconSprite />
      <InvoiceRows
        rows={rows}
        view={`${basePath}${invoicesQuery(filters)}`}
        accountId={accountId}
        headers={
          <>
            {header(t("columns.invoiceId"))}
            {header(t("columns.billingProfile"))}
            {header(t("columns.invoiceDate"), "invoiceDate")}
            {header(t("columns.dueDate"), "dueDate")}
            {header(t("columns.billingPeriod"))}
            {header(t("columns.total"), "totalMinor")}
            {header(t("columns.amountDue"))}
            {header(t("columns.status"))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </>
        }
      />
      {rows.length === 0 && <p className="px-3 py-8 text-center text-ink-muted">{t("empty")}</p>}
    </div>
  );
}
