import { useTranslations } from "next-intl";

/** Grey placeholder rows while a blade's data loads; announced once as "Loading…". */
export function TableSkeleton({ rows = 8, columns = 6 }: { rows?: number; columns?: number }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="px-6 py-4">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="mb-4 h-7 w-72 animate-pulse rounded bg-[#e6e6e6]" />
      <div aria-hidden className="bg-surface p-3">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-stroke-subtle py-2.5">
            {Array.from({ length: columns }, (_, column) => (
              <div key={column} className="h-4 flex-1 animate-pulse rounded bg-[#ededed]" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
