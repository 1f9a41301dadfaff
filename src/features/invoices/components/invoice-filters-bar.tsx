import { useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";
import { invoiceStatuses } from "@/lib/invoice-status";

import { timespans, type InvoiceFilters } from "../filters";
import { ProfileSelect } from "./profile-select";

const control = "h-8 rounded border border-stroke bg-surface px-2 text-[13px]";

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
      <label className="flex flex-col gap-1 text-[13px]">
        <span>{t("search")}</span>
        <input type="search" name="q" defaultValue={filters.q} maxLength={40} className={`${control} w-48`} />
      </label>
      <label className="flex flex-col gap-1 text-[13px]">
        <span>{t("timespan")}</span>
        <select name="timespan" defaultValue={filters.timespan} className={control}>
          {timespans.map((value) => (
            <option key={value} value={value}>
              {t(`timespans.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-[13px]">
        <span>{t("from")}</span>
        <input type="date" name="from" defaultValue={filters.from} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-[13px]">
        <span>{t("to")}</span>
        <input type="date" name="to" defaultValue={filters.to} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-[13px]">
        <span>{t("status")}</span>
        <select name="status" defaultValue={filters.status} className={control}>
          <option value="all">{t("allStatuses")}</option>
          {invoiceStatuses.map((value) => (
            <option key={value} value={value}>
              {ts(value)}
            </option>
          ))}
        </select>
      </label>
      {profiles.length > 1 && (
        <label className="flex flex-col gap-1 text-[13px]">
          <span>{t("profile")}</span>
          <ProfileSelect
            profiles={profiles}
            value={filters.profile ?? ""}
            allLabel={t("allProfiles")}
            className={control}
          />
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
