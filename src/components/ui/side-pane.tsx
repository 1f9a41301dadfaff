"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

import { Dismiss20Regular } from "@/components/ui/icons";

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A pane that opens on the right over the page or over a blade (the portal's "new area on the right":
 * Select a payment method, Edit, Delete a payment method). A modal dialog without a URL of its own:
 * focus goes to its first control and stays inside, Escape, the close button or a click beside it
 * close it (only it: the blade under it stays open), and focus goes back to what opened it.
 */
export function SidePane({
  title,
  onClose,
  children,
  footer,
  initialFocus,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The pane's buttons, kept at its bottom. */
  footer?: ReactNode;
  /** A selector inside the pane to focus first; else its first control. */
  initialFocus?: string;
}) {
  const t = useTranslations("portal.blade");
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const pane = panel.current;
    const first =
      (initialFocus ? pane?.querySelector<HTMLElement>(initialFocus) : null) ??
      pane?.querySelector<HTMLElement>(`[data-pane-body] :is(${focusable})`) ??
      pane?.querySelector<HTMLElement>("h2");
    first?.focus();
    return () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
    // Once, when it opens: later renders keep focus where the user put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      // The pane closes, not the blade it opened over.
      event.stopPropagation();
      event.preventDefault();
      close.current();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    event.stopPropagation();
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(focusable)).filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="fixed inset-0 z-40 flex justify-end bg-black/20 pt-10"
      onClick={(event) => {
        event.stopPropagation();
        if (event.target === event.currentTarget) close.current();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className="flex h-full w-full max-w-[440px] flex-col border-l border-stroke bg-surface text-ink shadow-[-8px_0_16px_rgba(0,0,0,0.14)]"
      >
        <div className="flex items-start justify-between gap-4 border-b border-stroke-subtle px-6 py-4">
          <h2 id={titleId} tabIndex={-1} className="text-lg font-semibold outline-none">
            {title}
          </h2>
          <button
            type="button"
            aria-label={t("close")}
            onClick={() => close.current()}
            className="flex size-8 shrink-0 items-center justify-center rounded hover:bg-[#f0f0f0]"
          >
            <Dismiss20Regular aria-hidden />
          </button>
        </div>
        <div data-pane-body className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-6 py-4 text-[13px]">
          {children}
        </div>
        {footer && <div className="flex flex-wrap gap-2 border-t border-stroke-subtle px-6 py-3">{footer}</div>}
      </div>
    </div>
  );
}
