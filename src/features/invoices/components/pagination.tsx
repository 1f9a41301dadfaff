import { useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";

import { invoicesQuery, PAGE_SIZE, type InvoiceFilters } from "../filters";

export function Pagination({
  basePath,
  filters,
  page,
  pages,
  total,
}: {
  basePath: string;
  filters: InvoiceFilters;
  page: number;
  pages: number;
  total: number;
}) {
  const t = useTranslations("invoices.pagination");
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(page * PAGE_SIZE, total);
  const link = (target: number, label: string) =>
    target < 1 || target > pages ? (
      <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>
        {label}
      </span>
    ) : (
      <a href={`${basePath}${invoicesQuery({ ...filters, page: target })}`} className={buttonClass("secondary")}>
        {label}
      </a>
    );
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 py-3 text-[13px]">
      <p>{t("summary", { from, to, total })}</p>
      <div className="flex items-center gap-2">
        {link(page - 1, t("previous"))}
        <span>{t("page", { page, pages })}</span>
        {link(page + 1, t("next"))}
      </div>
    </nav>
  );
}
