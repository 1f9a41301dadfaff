"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";

import { Navigation20Regular } from "@/components/ui/icons";
import { useInPlaceLinks } from "@/components/ui/in-place-links";

/**
 * The left menu of Cost Management + Billing for one billing account: plain links that open
 * in place (useInPlaceLinks), where six next/link components cost every billing page more.
 * Below 768 px it folds behind a Menu button, as the portal's does on a narrow window, and
 * folds again once a link has opened another blade.
 */
export function ServiceMenu({
  basePath,
  billingProfiles = true,
}: {
  basePath: string;
  /** A pay-as-you-go (MOSP) account has no billing profiles: no menu item for them. */
  billingProfiles?: boolean;
}) {
  const t = useTranslations("portal.menu");
  const pathname = usePathname();
  const openInPlace = useInPlaceLinks();
  const listsId = useId();
  // Open for the page it was opened on: going to another blade folds it (no effect needed).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
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
      className="no-print shrink-0 border-b border-stroke-subtle bg-surface md:w-56 md:border-r md:border-b-0 md:py-3"
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listsId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex h-10 w-full items-center gap-2 px-4 text-[13px] font-semibold md:hidden"
      >
        <Navigation20Regular aria-hidden />
        {t("toggle")}
      </button>
      <div id={listsId} className={`${open ? "block" : "hidden"} pb-3 md:block md:pb-0`}>
        <ul>{item(basePath, t("overview"))}</ul>
        <p className="mt-3 px-4 pb-1 text-xs font-semibold text-ink-muted" id="menu-billing">
          {t("billing")}
        </p>
        <ul aria-labelledby="menu-billing">
          {item(`${basePath}/invoices`, t("invoices"))}
          {item(`${basePath}/payment-methods`, t("paymentMethods"))}
          {billingProfiles && item(`${basePath}/billing-profiles`, t("billingProfiles"))}
        </ul>
        <p className="mt-3 px-4 pb-1 text-xs font-semibold text-ink-muted" id="menu-settings">
          {t("settings")}
        </p>
        <ul aria-labelledby="menu-settings">
          {item(`${basePath}/properties`, t("properties"))}
          {item("/billing", t("billingScopes"))}
        </ul>
      </div>
    </nav>
  );
}
