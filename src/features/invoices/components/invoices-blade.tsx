import { getTranslations } from "next-intl/server";

import { InPlaceLinks } from "@/components/ui/in-place-links";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { AgreementNotice, WhoCanPayNotice } from "@/features/access/components/pay-notices";
import { billingAccountPath } from "@/features/access/paths";
import { hasPayNow } from "@/features/access/policy";
import { billingAccountAdmins, requireBillingScope } from "@/features/access/scope";
import { worldNow } from "@/server/world-clock";

import { invoicesQuery, parseInvoiceFilters } from "../filters";
import { listBillingProfiles, listInvoices, listSubscriptionNames } from "../grid-query";
import { InvoiceFiltersBar } from "./invoice-filters-bar";
import { InvoicesGrid } from "./invoices-grid";
import { Pagination } from "./pagination";

/** Billing › Invoices: the grid of the scope's invoices, with any invoice blade opened over it. */
export async function InvoicesBlade({
  accountId,
  searchParams,
  renderBlade,
  notices,
}: {
  accountId: string;
  searchParams: Record<string, string | string[] | undefined>;
  /** The blade opened over the grid, if the URL asks for one; closing it returns to `closeHref`. */
  renderBlade?: (closeHref: string) => React.ReactNode;
  /** Banners from other features above the grid (Settle balance), given by the route. */
  notices?: React.ReactNode;
}) {
  const { user, account, access } = await requireBillingScope(accountId);
  const filters = parseInvoiceFilters(searchParams);
  const clock = await worldNow(user.worldId);
  const basePath = `${billingAccountPath(account.id)}/invoices`;
  // The blade's own links (filters, sort headers, pages) are relative to its address: "invoices?page=2"
  // from /billing/<account>/invoices, rather than the account's long path again in each of them.
  const viewPath = basePath.slice(basePath.lastIndexOf("/") + 1);
  const mosp = account.agreementType === "MOSP";
  const [t, { rows, total, page, pages }, profiles, subscriptions] = await Promise.all([
    getTranslations("invoices"),
    listInvoices(account.id, filters, clock),
    listBillingProfiles(account.id),
    // A pay-as-you-go account has no billing profiles to show: its invoices are per subscription.
    mosp ? listSubscriptionNames(account.id) : undefined,
  ]);
  const admins = access.role === "BILLING_ACCOUNT_READER" ? await billingAccountAdmins(account.id) : [];
  const pageFilters = { ...filters, page };

  return (
    <>
      <BillingAccountBlade account={account} title={t("title")}>
        <div className="mt-3 flex flex-col gap-2">
          {access.role === "BILLING_ACCOUNT_READER" && <WhoCanPayNotice admins={admins} />}
          {notices}
          <AgreementNotice agreementType={access.agreementType} hasPayNow={hasPayNow(access)} />
        </div>
        {/* Plain links (filters' Reset, sort headers, rows, pages) that open in place. */}
        <InPlaceLinks>
          <InvoiceFiltersBar basePath={viewPath} filters={pageFilters} profiles={profiles} />
          <div className="bg-surface">
            <InvoicesGrid
              basePath={viewPath}
              invoices={rows}
              filters={pageFilters}
              access={access}
              accountId={account.id}
              subscriptions={subscriptions}
            />
          </div>
          {/* An empty grid says so itself (InvoicesGrid): no "0 - 0 of 0" and no pages to go to. */}
          {total > 0 && (
            <Pagination basePath={viewPath} filters={pageFilters} page={page} pages={pages} total={total} />
          )}
          {total === 0 && filters.status !== "all" && (
            <a
              className="text-brand hover:underline"
              href={`${viewPath}${invoicesQuery({ ...filters, status: "all", page: 1 })}`}
            >
              {t("filters.reset")}
            </a>
          )}
        </InPlaceLinks>
      </BillingAccountBlade>
      {renderBlade?.(`${basePath}${invoicesQuery(pageFilters)}`)}
    </>
  );
}
