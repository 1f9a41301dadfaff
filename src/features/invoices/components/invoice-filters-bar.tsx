import { useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";
import { invoiceStatuses } from "@/lib/invoice-status";

import { timespans, type InvoiceFilters } from "../filters";
import { ProfileSelect } from "./profile-select";

/**
 * The grid's filters as a plain GET form: applying them changes the URL, so a
 * filtered view is a link that survives reload, with or without JavaScript.
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
  return (
    <form method="get" action={basePath} aria-label={t("label")} className="flex flex-wrap items-end gap-3 py-3">
      <label className="filter">
        <span>{t("search")}</span>
        <input type="search" name="q" defaultValue={filters.q} maxLength={40} className="filter-control w-48" />
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
        <input type="date" name="from" defaultValue={filters.from} className="filter-control" />
      </label>
      <label className="filter">
        <span>{t("to")}</span>
        <input type="date" name="to" defaultValue={filters.to} className="filter-control" />
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
  );
}
