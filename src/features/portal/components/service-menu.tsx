"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

import { useInPlaceLinks } from "@/components/ui/in-place-links";

/**
 * The left menu of Cost Management + Billing for one billing account: plain links that open
 * in place (useInPlaceLinks), where six next/link components cost every billing page more.
 */
export function ServiceMenu({ basePath }: { basePath: string }) {
  const t = useTranslations("portal.menu");
  const pathname = usePathname();
  const openInPlace = useInPlaceLinks();
  const item = (href: string, label: string) => {
    return (
      <li>
        <a href={href} aria-current={pathname === href ? "page" : undefined} className="service-menu-item">
          {label}
        </a>
      </li>
    );
  };
  return (
    <nav
      aria-label={t("label")}
      onClick={openInPlace}
      className="no-print w-56 shrink-0 border-r border-stroke-subtle bg-surface py-3"
    >
      <ul>{item(basePath, t("overview"))}</ul>
      <p className="mt-3 px-4 pb-1 text-xs font-semibold text-ink-muted" id="menu-billing">
        {t("billing")}
      </p>
      <ul aria-labelledby="menu-billing">
        {item(`${basePath}/invoices`, t("invoices"))}
        {item(`${basePath}/payment-methods`, t("paymentMethods"))}
        {item(`${basePath}/billing-profiles`, t("billingProfiles"))}
      </ul>
      <p className="mt-3 px-4 pb-1 text-xs font-semibold text-ink-muted" id="menu-settings">
        {t("settings")}
      </p>
      <ul aria-labelledby="menu-settings">
        {item(`${basePath}/properties`, t("properties"))}
        {item("/billing", t("billingScopes"))}
      </ul>
    </nav>
  );
}
