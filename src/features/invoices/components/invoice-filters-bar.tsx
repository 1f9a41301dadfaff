import { useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";
import { MessageBar } from "@/components/ui/message-bar";
import { invoiceStatuses } from "@/lib/invoice-status";

import { invoicesQuery, rangeProblem, timespans, type InvoiceFilters } from "../filters";
import { ProfileSelect } from "./profile-select";

/**
 * The grid's filters as a plain GET form: applying them changes the URL, so a
 * filtered view is a link that survives reload, with or without JavaScript.
 * The form is keyed by the view: its controls are uncontrolled, and a new view
 * (Reset filters, a sort, a page) must show its own values, not what was last typed.
 * A custom range that matches nothing, or is open, says so under the form.
 */
export function InvoiceFiltersBar({
  basePath,
  filters,
  profiles,
}: {
  basePath: string;
  filters: InvoiceFilters;
  profiles: { id: string; name: string }[];
}) {
  const t = useTranslations("invoices.filters");
  const ts = useTranslations("invoices.status");
  const problem = rangeProblem(filters);
  const rangeInvalid = problem === "order";
  const dateProps = {
    "aria-invalid": rangeInvalid || undefined,
    "aria-describedby": problem ? "invoice-range-problem" : undefined,
  };
  return (
    <>
      <form
        key={invoicesQuery(filters)}
        method="get"
        action={basePath}
        aria-label={t("label")}
        className="flex flex-wrap items-end gap-3 py-3"
      >
        <label className="filter">
          <span>{t("search")}</span>
          <input type="search" name="q" defaultValue={filters.q} maxLength={40} className="filter-control w-44" />
        </label>
        <label className="filter">
          <span>{t("timespan")}</span>
          <select name="timespan" defaultValue={filters.timespan} className="filter-control">
            {timespans.map((value) => (
              <option key={value} value={value}>
                {t(`timespans.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t("from")}</span>
          <input type="date" name="from" defaultValue={filters.from} className="filter-control" {...dateProps} />
        </label>
        <label className="filter">
          <span>{t("to")}</span>
          <input type="date" name="to" defaultValue={filters.to} className="filter-control" {...dateProps} />
        </label>
        <label className="filter">
          <span>{t("status")}</span>
          <select name="status" defaultValue={filters.status} className="filter-control">
            <option value="all">{t("allStatuses")}</option>
            {invoiceStatuses.map((value) => (
              <option key={value} value={value}>
                {ts(value)}
              </option>
            ))}
          </select>
        </label>
        {profiles.length > 1 && (
          <label className="filter">
            <span>{t("profile")}</span>
            <ProfileSelect profiles={profiles} value={filters.profile ?? ""} allLabel={t("allProfiles")} />
          </label>
        )}
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <a href={basePath} className={buttonClass("subtle")}>
          {t("reset")}
        </a>
      </form>
      {problem && (
        <div id="invoice-range-problem" className="mb-3">
          <MessageBar intent={rangeInvalid ? "error" : "info"} role={rangeInvalid ? "alert" : "status"}>
            {t(`rangeErrors.${problem}`)}
          </MessageBar>
        </div>
      )}
    </>
  );
}
