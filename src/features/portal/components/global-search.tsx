"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";

import { Open16Regular, Search20Regular } from "@/components/ui/icons";

import { searchItems, searchResults, type SearchAccount, type SearchItem } from "../search";

/** How long after G a "/" still means "go to search" (the placeholder's G+/). */
const CHORD_MS = 1500;

/** Whether a key press is typing into something (G and / are then the user's text, not a shortcut). */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The top bar's search box: the combobox pattern over a listbox whose options are grouped
 * (Services, Documentation: search.ts), arrows to move, Enter to open, Escape to close.
 * G then / focuses it from anywhere on the page, as its placeholder says.
 */
export function GlobalSearch({ accounts }: { accounts: SearchAccount[] }) {
  const t = useTranslations("portal");
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const items = useMemo(
    () =>
      searchItems(accounts, {
        service: {
          name: t("services.costManagementBilling"),
          description: t("services.costManagementBillingDescription"),
          keywords: t("services.keywords"),
        },
        page: (page) => ({ name: t(`menu.${page}`), keywords: t(`search.pages.${page}`) }),
        pageDescription: (account) => t("search.pageDescription", { account }),
        document: (document) => ({
          name: t(`help.documents.${document}`),
          keywords: t(`search.documents.${document}`),
        }),
        documentDescription: t("search.documentDescription"),
      }),
    [accounts, t],
  );
  const groups = useMemo(() => searchResults(query, items), [query, items]);
  const results = groups.flatMap((group) => group.items);
  const showList = open && query.trim().length > 0;

  useEffect(() => {
    let pressedG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (event.key === "g" || event.key === "G") pressedG = event.timeStamp;
      else if (event.key === "/" && pressedG && event.timeStamp - pressedG < CHORD_MS) {
        event.preventDefault();
        pressedG = 0;
        input.current?.focus();
      } else pressedG = 0;
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const openItem = (item: SearchItem) => {
    setOpen(false);
    setQuery("");
    if (item.external) window.open(item.href, "_blank", "noopener,noreferrer");
    else router.push(item.href);
  };
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div
      className="relative w-full max-w-[560px]"
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}
    >
      <Search20Regular aria-hidden className="pointer-events-none absolute top-1.5 left-2 text-[#c8c6c4]" />
      <input
        ref={input}
        role="combobox"
        aria-label={t("topBar.searchLabel")}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? optionId(active) : undefined}
        placeholder={t("topBar.searchPlaceholder")}
        className="h-8 w-full min-w-0 rounded-sm border border-[#8a8886] bg-[#323130] pr-2 pl-8 text-sm text-white placeholder:text-[#c8c6c4] focus:bg-white focus:text-ink focus:outline-none"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, Math.max(results.length - 1, 0)));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter" && showList && results[active]) {
            event.preventDefault();
            openItem(results[active]);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {/* The list stays in the page (hidden) so aria-controls always names an element. */}
      <div
        hidden={!showList}
        className="fixed top-10 right-0 left-0 z-50 max-h-[70vh] overflow-y-auto border border-stroke bg-surface py-2 text-ink shadow-lg sm:absolute sm:top-9 sm:rounded"
      >
        <div id={listId} role="listbox" aria-label={t("topBar.searchLabel")}>
          {groups.map(({ group, items: groupItems }) => {
            const labelId = `${listId}-${group}`;
            return (
              <div key={group} role="group" aria-labelledby={labelId} className="pb-1">
                <p role="presentation" id={labelId} className="px-3 pt-1 pb-1 text-xs font-semibold text-ink-muted">
                  {t(group === "services" ? "topBar.servicesGroup" : "topBar.documentationGroup")}
                </p>
                {groupItems.map((item) => {
                  const index = results.indexOf(item);
                  return (
                    <div
                      key={item.key}
                      id={optionId(index)}
                      role="option"
                      aria-selected={index === active}
                      className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-brand-subtle" : ""}`}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => setActive(index)}
                      onClick={() => openItem(item)}
                    >
                      <span className="flex items-start gap-1 font-semibold">
                        {item.name}
                        {item.external && (
                          <>
                            <span className="sr-only"> {t("help.newTab")}</span>
                            <Open16Regular aria-hidden className="mt-0.5 shrink-0" />
                          </>
                        )}
                      </span>
                      <span className="block text-xs text-ink-muted">{item.description}</span>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {results.length === 0 && <p className="px-3 py-1.5 text-ink-muted">{t("topBar.noResults")}</p>}
      </div>
    </div>
  );
}
