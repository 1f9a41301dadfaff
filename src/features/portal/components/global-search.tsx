"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";

import { Search20Regular } from "@/components/ui/icons";

import { matchesService, portalServices } from "../services";

/** The top bar's search box: finds services as you type (combobox pattern). */
export function GlobalSearch() {
  const t = useTranslations("portal");
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const results = useMemo(
    () =>
      portalServices
        .map((service) => ({
          ...service,
          name: t(`services.${service.id}`),
          description: t(`services.${service.id}Description`),
        }))
        .filter((service) => matchesService(query, service.name, t("services.keywords"))),
    [query, t],
  );
  const showList = open && query.trim().length > 0;

  const openService = (href: string) => {
    setOpen(false);
    setQuery("");
    router.push(href);
  };

  return (
    <div
      className="relative w-full max-w-[560px]"
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}
    >
      <Search20Regular aria-hidden className="pointer-events-none absolute top-1.5 left-2 text-[#c8c6c4]" />
      <input
        role="combobox"
        aria-label={t("topBar.searchLabel")}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        placeholder={t("topBar.searchPlaceholder")}
        className="h-8 w-full rounded-sm border border-[#8a8886] bg-[#323130] pr-2 pl-8 text-sm text-white placeholder:text-[#c8c6c4] focus:bg-white focus:text-ink focus:outline-none"
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
            setActive((index) => Math.min(index + 1, Math.max(results.length - 1, 0)));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter" && results[active]) {
            event.preventDefault();
            openService(results[active].href);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {showList && (
        <div className="absolute top-9 right-0 left-0 z-50 rounded border border-stroke bg-surface py-2 text-ink shadow-lg">
          <p className="px-3 pb-1 text-xs font-semibold text-ink-muted" id={`${listId}-label`}>
            {t("topBar.servicesGroup")}
          </p>
          <ul id={listId} role="listbox" aria-labelledby={`${listId}-label`}>
            {results.map((service, index) => (
              <li
                key={service.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-brand-subtle" : ""}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => openService(service.href)}
              >
                <span className="block font-semibold">{service.name}</span>
                <span className="block text-xs text-ink-muted">{service.description}</span>
              </li>
            ))}
          </ul>
          {results.length === 0 && <p className="px-3 py-1.5 text-ink-muted">{t("topBar.noResults")}</p>}
        </div>
      )}
    </div>
  );
}
