import { useTranslations } from "next-intl";

/**
 * Grey placeholder rows while a blade's data loads; announced once as "Loading…".
 * The rows and columns are drawn by one gradient under a striped mask rather than
 * one element per cell: every loading boundary's fallback travels in each page
 * of its segment, used or not.
 */
export function TableSkeleton({ rows = 8, columns = 6 }: { rows?: number; columns?: number }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="px-6 py-4">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="mb-4 h-7 w-72 animate-pulse rounded bg-[#e6e6e6]" />
      <div aria-hidden className="bg-surface p-3">
        <div
          className="table-skeleton animate-pulse"
          style={{ "--rows": rows, "--columns": columns } as React.CSSProperties}
        />
      </div>
    </div>
  );
}
