"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type Dispatch, type SetStateAction } from "react";

import { MoreHorizontal20Regular } from "@/components/ui/icons";

import { invoicePdfPath, invoiceUsagePath } from "../pdf-path";

const MENU_WIDTH = 224;

/**
 * A row's "…" (the portal's per-invoice actions): Download PDF and Prepare Azure
 * usage file. Only the open row renders its menu, so the grid stays one client
 * component with one piece of state for it. The menu is fixed-positioned under
 * the button (the grid scrolls sideways on narrow screens and would clip it) and
 * follows the button when the page scrolls.
 */
export function InvoiceRowMenu({
  accountId,
  invoiceId,
  openMenu,
  setOpenMenu,
}: {
  accountId: string;
  invoiceId: string;
  /** The invoice whose menu is open (one at a time in the grid), and its setter. */
  openMenu: string | null;
  setOpenMenu: Dispatch<SetStateAction<string | null>>;
}) {
  const open = openMenu === invoiceId;
  const t = useTranslations("invoices");
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  // Closing leaves another row's menu alone (a blur here can follow the click that opened it).
  const onOpenChange = useCallback(
    (next: boolean) => setOpenMenu((current) => (next ? invoiceId : current === invoiceId ? null : current)),
    [invoiceId, setOpenMenu],
  );

  /** Under the button, right-aligned with it; again whenever the page scrolls or resizes while open. */
  const place = useCallback(() => {
    const rect = button.current?.getBoundingClientRect();
    if (rect) setPosition({ top: rect.bottom + 2, left: Math.max(8, rect.right - MENU_WIDTH) });
  }, []);

  const toggle = () => {
    if (!open) place();
    onOpenChange(!open);
  };

  useEffect(() => {
    // Focus goes in once, when the menu opens (place() has set its position in the same update).
    if (open) menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open, place]);

  const closeAndReturnFocus = () => {
    onOpenChange(false);
    button.current?.focus();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
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
      closeAndReturnFocus();
    } else if (event.key === "Tab") {
      onOpenChange(false);
    }
  };

  return (
    <span
      className="inline-block align-middle"
      onBlur={(event) => open && !event.currentTarget.contains(event.relatedTarget) && onOpenChange(false)}
    >
      <button
        ref={button}
        type="button"
        aria-label={t("rowMenu", { id: invoiceId })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
        className="inline-flex size-7 items-center justify-center rounded text-ink hover:bg-[#f0f0f0]"
      >
        <MoreHorizontal20Regular aria-hidden />
      </button>
      {open && position && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t("rowMenu", { id: invoiceId })}
          onKeyDown={onMenuKeyDown}
          style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
          className="fixed z-50 border border-stroke bg-surface py-1 text-ink shadow-lg"
        >
          <li role="none">
            <a
              role="menuitem"
              href={invoicePdfPath(accountId, invoiceId)}
              download
              onClick={() => onOpenChange(false)}
              className="block px-3 py-1.5 hover:bg-[#f5f5f5] focus:bg-[#f5f5f5]"
            >
              {t("downloadPdf")}
            </a>
          </li>
          <li role="none">
            <a
              role="menuitem"
              href={invoiceUsagePath(accountId, invoiceId)}
              download
              onClick={() => onOpenChange(false)}
              className="block px-3 py-1.5 hover:bg-[#f5f5f5] focus:bg-[#f5f5f5]"
            >
              {t("prepareUsage")}
            </a>
          </li>
        </ul>
      )}
    </span>
  );
}
