import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { Clock16Regular, Receipt24Regular, Warning16Filled } from "@/components/ui/icons";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { AgreementNotice } from "@/features/access/components/pay-notices";
import { billingAccountPath } from "@/features/access/paths";
import { hasPayNow } from "@/features/access/policy";
import { requireBillingScope } from "@/features/access/scope";
import { ClientMessages } from "@/i18n/client-messages";
import { intlLocaleOf } from "@/i18n/format";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { worldNow } from "@/server/world-clock";

import { chartClientWords } from "../client-words";
import { invoicesQuery } from "../filters";
import { getBillingOverview, type AmountByCurrency } from "../queries";
import { InvoiceTotalsChart, type InvoiceTotalPoint } from "./invoice-totals-chart";

/** A billing account's Overview blade: what is due now, what is late, what comes next, and the recent invoices. */
export async function BillingOverview({ accountId, notices }: { accountId: string; notices?: React.ReactNode }) {
  const { user, account, access } = await requireBillingScope(accountId);
  const clock = await worldNow(user.worldId);
  const [t, ts, format, locale, overview] = await Promise.all([
    getTranslations("invoices.overview"),
    getTranslations("invoices.status"),
    getFormatter(),
    intlLocaleOf(),
    getBillingOverview(account.id, clock),
  ]);
  const invoicesPath = `${billingAccountPath(account.id)}/invoices`;
  const day = (date: Date) => formatDate(date, locale);
  // An account bills in one currency; should it ever hold several, each sum is shown.
  const amounts = (sums: AmountByCurrency[]) =>
    sums.length === 0
      ? formatMoney(0, account.currency, locale)
      : sums.map((sum) => formatMoney(sum.amountMinor, sum.currency, locale)).join(" + ");
  const count = (sums: AmountByCurrency[]) => sums.reduce((total, sum) => total + sum.count, 0);
  const pastDueCount = count(overview.pastDue);

  const points: InvoiceTotalPoint[] = overview.recent.map((invoice) => ({
    id: invoice.id,
    tick: format.dateTime(invoice.invoiceDate, { month: "short", year: "numeric", timeZone: "UTC" }),
    date: day(invoice.invoiceDate),
    profile: invoice.profileName,
    totalMinor: invoice.totalMinor,
    total: formatMoney(invoice.totalMinor, invoice.currency, locale),
    status: ts(invoice.status),
  }));
  const totals = overview.recent.map((invoice) => invoice.totalMinor);
  const summary = t("chartSummary", {
    count: points.length,
    first: points[0]?.date ?? "",
    last: points.at(-1)?.date ?? "",
    min: totals.length ? formatMoney(Math.min(...totals), account.currency, locale) : "",
    max: totals.length ? formatMoney(Math.max(...totals), account.currency, locale) : "",
  });

  const card = (
    id: string,
    title: string,
    value: React.ReactNode,
    detail: React.ReactNode,
    icon: React.ReactNode,
    tone = "",
  ) => (
    <section aria-labelledby={id} className="flex flex-col gap-1 rounded border border-stroke-subtle bg-surface p-4">
      <h2 id={id} className="flex items-center gap-1.5 text-[13px] font-semibold text-ink-muted">
        <span aria-hidden className={`flex ${tone}`}>
          {icon}
        </span>
        {title}
      </h2>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{value}</p>
      <p className="text-[13px]">{detail}</p>
    </section>
  );

  return (
    <>
      <BillingAccountBlade account={account} title={t("title")} overview>
        <div className="mt-3 flex flex-col gap-2">
          {notices}
          <AgreementNotice agreementType={access.agreementType} hasPayNow={hasPayNow(access)} />
        </div>
        <div className="mt-4 grid max-w-6xl grid-cols-1 gap-4 md:grid-cols-3">
          {card(
            "overview-amount-due",
            t("amountDueNow"),
            amounts(overview.amountDueNow),
            <Link href={invoicesPath} className="text-brand hover:underline">
              {t("amountDueNowDetail", { count: count(overview.amountDueNow) })}
            </Link>,
            <Receipt24Regular className="size-4" />,
          )}
          {card(
            "overview-past-due",
            t("pastDueTotal"),
            amounts(overview.pastDue),
            pastDueCount > 0 ? (
              <Link
                href={`${invoicesPath}${invoicesQuery({ status: "pastDue" })}`}
                className="text-brand hover:underline"
              >
                {t("pastDueDetail", { count: pastDueCount })}
              </Link>
            ) : (
              t("pastDueDetail", { count: 0 })
            ),
            <Warning16Filled />,
            pastDueCount > 0 ? "text-danger" : "",
          )}
          {card(
            "overview-next-due",
            t("nextDueDate"),
            overview.nextDue ? day(overview.nextDue.dueDate) : t("noneDue"),
            overview.nextDue ? (
              <Link
                href={`${invoicesPath}${invoicesQuery({}, { invoice: overview.nextDue.id, blade: "details" })}`}
                className="text-brand hover:underline"
              >
                {t("nextDueDetail", {
                  id: overview.nextDue.id,
                  amount: formatMoney(overview.nextDue.amountDueMinor, overview.nextDue.currency, locale),
                })}
              </Link>
            ) : null,
            <Clock16Regular />,
          )}
        </div>
        <div className="mt-4 max-w-6xl rounded border border-stroke-subtle bg-surface p-4">
          <ClientMessages namespaces={chartClientWords}>
            <InvoiceTotalsChart points={points} currency={account.currency} locale={locale} summary={summary} />
          </ClientMessages>
        </div>
        <p className="mt-4">
          <Link href={invoicesPath} className={buttonClass("primary")}>
            {t("viewInvoices")}
          </Link>
        </p>
      </BillingAccountBlade>
    </>
  );
}
