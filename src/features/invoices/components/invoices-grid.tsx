import { useTranslations } from "next-intl";

import { offersPayNow, payDenial, type BillingAccess } from "@/features/access/policy";
import { ClientMessages } from "@/i18n/client-messages";
import { useFormatDate } from "@/i18n/use-date";
import { useFormatMoney } from "@/i18n/use-money";

import { gridClientWords } from "../client-words";
import { invoicesQuery, type InvoiceFilters } from "../filters";
import type { GridInvoice } from "../grid-query";
import { ID, packGridRows, type GridRowText } from "../grid-rows-html";
import { InvoiceGridControls } from "./invoice-grid-controls";

type Props = {
  basePath: string;
  invoices: GridInvoice[];
  filters: InvoiceFilters;
  /** The signed-in user's access to the account: the policy decides, row by row, where Pay now shows. */
  access: BillingAccess;
  /** The billing account, for the rows' PDF links. */
  accountId: string;
  /**
   * A pay-as-you-go (MOSP) account's subscription by billing profile ID: its grid names each invoice's
   * subscription where an MCA grid names its billing profile (download-azure-invoice; a MOSP account
   * shows no billing profiles).
   */
  subscriptions?: Record<string, string>;
};

const sortable = { invoiceDate: "invoiceDate", dueDate: "dueDate", totalMinor: "amount" } as const;

// Stand-ins for a message's arguments: a message is formatted once per page and the rows fill it in.
const START = "\u0001";
const END = "\u0002";

/**
 * The Invoices blade's grid. The server formats each row's words (dates, amounts, status, the
 * per-row messages formatted once and filled in); the grid's one client component
 * (InvoiceGridControls) writes them as the rows' HTML (gridRowsHtml): no element, component,
 * hook or props per row in React. It keeps the selection and the "…" menu; the links open in
 * place through the blade's InPlaceLinks. Pay now shows only where the policy offers it
 * (payDenial, offersPayNow).
 */
export function InvoicesGrid({ basePath, invoices, filters, access, accountId, subscriptions }: Props) {
  const t = useTranslations("invoices");
  const money = useFormatMoney();
  const day = useFormatDate();

  const header = (label: string, column?: keyof typeof sortable) => {
    if (!column) return <th scope="col">{label}</th>;
    const key = sortable[column];
    const active = filters.sort === key;
    const nextDir = active && filters.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
        <a
          href={`${basePath}${invoicesQuery({ ...filters, sort: key, dir: nextDir, page: 1 })}`}
          className="hover:underline"
          aria-label={t("sort.sortBy", { column: label })}
        >
          {label}
          {active && <span aria-hidden> {filters.dir === "asc" ? "↑" : "↓"}</span>}
        </a>
      </th>
    );
  };

  const viewQuery = invoicesQuery(filters);
  const view = `${basePath}${viewQuery}`;
  const period = t("period", { start: START, end: END });
  const rows: GridRowText[] = invoices.map((invoice) => ({
    id: invoice.id,
    profile: subscriptions ? (subscriptions[invoice.billingProfileId] ?? "") : invoice.billingProfile.name,
    invoiceDate: day(invoice.invoiceDate),
    dueDate: day(invoice.dueDate),
    period: period.replace(START, day(invoice.periodStart)).replace(END, day(invoice.periodEnd)),
    total: money(invoice.totalMinor, invoice.currency),
    amountDue: money(invoice.amountDueMinor, invoice.currency),
    status: invoice.status,
    statusLabel: t(`status.${invoice.status}`),
    payable: offersPayNow(payDenial(access, invoice)),
  }));
  const words = {
    select: t("select.row", { id: ID }),
    payNow: t("payNow"),
    payNowLabel: t("payNowLabel", { id: ID }),
    download: t("rowDownload", { id: ID }),
    menu: t("rowMenu", { id: ID }),
  };

  return (
    <div className="relative overflow-x-auto">
      <ClientMessages namespaces={gridClientWords}>
        <InvoiceGridControls
          // A new view (page, filter, sort) starts with nothing selected and no menu open.
          key={view}
          accountId={accountId}
          rows={packGridRows(rows)}
          // Relative to the blade's own address (a query only): a row does not repeat the long
          // billing account path in each of its links.
          rowLink={`${viewQuery}${viewQuery ? "&" : "?"}invoice=`}
          words={words}
          headers={
            <>
              {header(t("columns.invoiceId"))}
              {header(subscriptions ? t("columns.subscription") : t("columns.billingProfile"))}
              {header(t("columns.invoiceDate"), "invoiceDate")}
              {header(t("columns.dueDate"), "dueDate")}
              {header(t("columns.billingPeriod"))}
              {header(t("columns.total"), "totalMinor")}
              {header(t("columns.amountDue"))}
              {header(t("columns.status"))}
              <th scope="col">
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            </>
          }
        />
      </ClientMessages>
      {invoices.length === 0 && (
        <p role="status" className="px-3 py-8 text-center text-ink-muted">
          {t("empty")}
        </p>
      )}
    </div>
  );
}
