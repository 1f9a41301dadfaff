"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, type ReactNode } from "react";

import { Dismiss20Regular } from "@/components/ui/icons";

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A blade: a panel that opens from the right over the page, at its own URL.
 * It is a modal dialog — labelled by its title, focus moved in on open and
 * kept inside, Escape (wherever focus is) or the close button go back to
 * `closeHref`, and focus returns to what opened it. On a phone it takes the
 * whole width, its close button in view.
 */
export function Blade({
  title,
  subtitle,
  closeHref,
  children,
  width = "wide",
}: {
  title: string;
  subtitle?: string;
  closeHref: string;
  children: ReactNode;
  width?: "wide" | "narrow";
}) {
  const t = useTranslations("portal.blade");
  const router = useRouter();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.querySelector<HTMLElement>("h2")?.focus();
    return () => {
      // Back to what opened the blade; if it is gone (a paid row loses its Pay now link) or the blade
      // was opened by its URL, to the page's heading, so focus is never dropped on <body>.
      if (opener?.isConnected && opener !== document.body) return opener.focus();
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    };
  }, []);

  // Escape closes the blade wherever focus is: inside it (onKeyDown below, which a pane or menu inside the blade
  // can stop), or dropped on <body> when the element that held it went away (a form re-rendered after a decline),
  // where the panel's handler never hears it.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || (event.target !== document.body && event.target !== document.documentElement))
        return;
      router.push(closeHref, { scroll: false });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, closeHref]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      router.push(closeHref, { scroll: false });
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(focusable)).filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (
      event.shiftKey &&
      (document.activeElement === first || document.activeElement === panel.current.querySelector("h2"))
    ) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="fixed inset-0 z-30 flex justify-end bg-black/20 pt-10"
      onClick={(event) => event.target === event.currentTarget && router.push(closeHref, { scroll: false })}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className={`flex h-full w-full flex-col border-l border-stroke bg-surface shadow-[-8px_0_16px_rgba(0,0,0,0.14)] ${width === "wide" ? "max-w-[760px]" : "max-w-[480px]"}`}
      >
        <div className="flex items-start justify-between gap-4 border-b border-stroke-subtle px-4 py-4 sm:px-6">
          <div className="min-w-0 break-words">
            <h2 id={titleId} tabIndex={-1} className="text-xl font-semibold outline-none">
              {title}
            </h2>
            {subtitle && <p className="text-[13px] text-ink-muted">{subtitle}</p>}
          </div>
          <button
            type="button"
            aria-label={t("close")}
            onClick={() => router.push(closeHref, { scroll: false })}
            className="flex size-8 shrink-0 items-center justify-center rounded hover:bg-[#f0f0f0]"
          >
            <Dismiss20Regular aria-hidden />
          </button>
        </div>
        {/* A column: a form that takes the rest of it (flex-1) keeps its buttons at the blade's bottom (mt-auto). */}
        <div className="flex min-h-0 flex-1 flex-col overflow-y-auto px-4 py-4 sm:px-6">{children}</div>
      </div>
    </div>
  );
}
