import { getTranslations } from "next-intl/server";

import { ChevronRight12Regular } from "@/components/ui/icons";
import { InPlaceLinks } from "@/components/ui/in-place-links";

export type Crumb = { label: string; href?: string };

/**
 * Home > Cost Management + Billing > … ; the last crumb is the current page. The crumbs are plain
 * links that open in place (InPlaceLinks), not a next/link component each.
 */
export async function Breadcrumb({ items }: { items: Crumb[] }) {
  const t = await getTranslations("portal.breadcrumb");
  const all: Crumb[] = [{ label: t("home"), href: "/" }, ...items];
  return (
    <InPlaceLinks>
      <nav aria-label={t("label")} className="no-print px-4 pt-3 text-[13px] md:px-6">
        <ol className="flex flex-wrap items-center gap-1">
          {all.map((crumb, index) => (
            <li key={`${index}-${crumb.label}`} className="flex items-center gap-1">
              {index > 0 && <ChevronRight12Regular aria-hidden className="text-ink-muted" />}
              {crumb.href && index < all.length - 1 ? (
                <a href={crumb.href} className="text-brand hover:underline">
                  {crumb.label}
                </a>
              ) : (
                <span aria-current={index === all.length - 1 ? "page" : undefined}>{crumb.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
    </InPlaceLinks>
  );
}
