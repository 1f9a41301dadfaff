"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useCallback, useId, useRef, useState } from "react";

import { Open16Regular, QuestionCircle24Regular } from "@/components/ui/icons";
import { useEscapeToClose } from "@/components/ui/use-escape-to-close";

import { helpContextFor, helpDocumentsFor } from "../help";

/**
 * The top bar's "?": a pane of Microsoft Learn documents recommended for the page
 * in view, each opened in a new tab so the portal stays where the user was.
 */
export function HelpPane() {
  const t = useTranslations("portal.help");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const context = helpContextFor(pathname);

  useEscapeToClose(open, close, button);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("button")}
        onClick={() => setOpen((value) => !value)}
        className="flex size-10 items-center justify-center text-white hover:bg-[#323130]"
      >
        <QuestionCircle24Regular aria-hidden />
      </button>
      {open && (
        <section
          id={panelId}
          aria-labelledby={headingId}
          className="fixed top-10 right-0 bottom-0 z-50 w-full overflow-y-auto sm:w-[360px] border-l border-stroke bg-surface text-ink shadow-xl"
        >
          <h2 id={headingId} className="border-b border-stroke-subtle px-4 py-3 text-base font-semibold">
            {t("title")}
          </h2>
          <div className="px-4 py-3">
            <h3 className="font-semibold">{t("recommended")}</h3>
            <p className="mb-2 text-xs text-ink-muted">{t(`contexts.${context}`)}</p>
            <ul className="flex flex-col gap-2">
              {helpDocumentsFor(context).map((document) => (
                <li key={document.id}>
                  <a
                    href={document.href}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="inline-flex items-start gap-1 text-brand underline-offset-2 hover:underline"
                  >
                    <span>
                      {t(`documents.${document.id}`)}
                      <span className="sr-only"> {t("newTab")}</span>
                    </span>
                    <Open16Regular aria-hidden className="mt-0.5 shrink-0" />
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  );
}
