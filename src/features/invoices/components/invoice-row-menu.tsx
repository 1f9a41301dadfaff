"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";

import { invoicePdfPath, invoiceUsagePath } from "../pdf-path";

const MENU_WIDTH = 224;

/** The row whose download icon or "…" was pressed: its invoice, its server-rendered button and which menu. */
export type OpenRowMenu = { invoiceId: string; button: HTMLButtonElement; kind: "download" | "more" };

/** Under the button, right-aligned with it. */
function placeUnder(button: HTMLButtonElement) {
  const rect = button.getBoundingClientRect();
  return { top: rect.bottom + 2, left: Math.max(8, rect.right - MENU_WIDTH) };
}

/**
 * A grid row's menus, with download-azure-invoice's words: the download icon's menu holds **Invoice**
 * (the PDF), the "…" menu **Invoice** and **Prepare Azure usage file**. (Microsoft's MCA download menu
 * also lists a **Tax document** where one exists; the simulator issues none, so it never shows.) The
 * grid renders one menu, for the open row (InvoiceGridControls, keyed by the invoice), not one per row. It is fixed-positioned under the row's button (the grid scrolls
 * sideways on narrow screens and would clip it), follows it when the page scrolls, and marks
 * the button expanded while open.
 */
export function InvoiceRowMenu({
  accountId,
  open,
  onClose,
}: {
  accountId: string;
  open: OpenRowMenu;
  onClose: () => void;
}) {
  const { invoiceId, button, kind } = open;
  const t = useTranslations("invoices");
  const menuId = useId();
  const menu = useRef<HTMLUListElement>(null);
  const [position, setPosition] = useState(() => placeUnder(button));
  const place = useCallback(() => setPosition(placeUnder(button)), [button]);

  useLayoutEffect(() => {
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", menuId);
    return () => {
      button.setAttribute("aria-expanded", "false");
      button.removeAttribute("aria-controls");
    };
  }, [button, menuId]);

  useEffect(() => {
    // Focus goes in once, when the menu opens.
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [place]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      items[event.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      button.focus();
      onClose();
    } else if (event.key === "Tab") {
      // Tab goes on from the row's button, as if the menu had been right after it.
      button.focus();
      onClose();
    }
  };

  const item = (href: string, label: string) => (
    <li role="none">
      <a
        role="menuitem"
        href={href}
        download
        onClick={onClose}
        className="block px-3 py-1.5 hover:bg-[#f5f5f5] focus:bg-[#f5f5f5]"
      >
        {label}
      </a>
    </li>
  );

  return (
    <ul
      ref={menu}
      id={menuId}
      role="menu"
      aria-label={kind === "download" ? t("rowDownload", { id: invoiceId }) : t("rowMenu", { id: invoiceId })}
      onKeyDown={onKeyDown}
      // Focus leaving for anywhere but the row's own button (which toggles it) closes it.
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (to !== button && !(to instanceof Node && event.currentTarget.contains(to))) onClose();
      }}
      style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
      className="fixed z-50 border border-stroke bg-surface py-1 text-ink shadow-lg"
    >
      {item(invoicePdfPath(accountId, invoiceId), t("rowInvoice"))}
      {kind === "more" && item(invoiceUsagePath(accountId, invoiceId), t("prepareUsage"))}
    </ul>
  );
}
