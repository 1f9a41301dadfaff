"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { PersonCircle24Regular } from "@/components/ui/icons";
import { useEscapeToClose } from "@/components/ui/use-escape-to-close";
import { signOut, signOutEverywhere } from "@/features/access/actions";
import { locales, type Locale } from "@/i18n/config";

import { saveLanguage } from "../language-actions";

export function AccountMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("portal.topBar");
  const locale = useLocale();
  // Controlled, with the form's reset cancelled (keepControlledValues): it shows the language just applied.
  const [language, setLanguage] = useState<Locale>(locale);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEscapeToClose(open, close, button);

  return (
    <div className="relative" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("accountMenu", { name, email })}
        onClick={() => setOpen((value) => !value)}
        className="flex h-10 items-center gap-2 px-2 text-left text-white hover:bg-[#323130]"
      >
        <span className="hidden text-xs leading-tight sm:block">
          <span className="block">{email}</span>
        </span>
        <PersonCircle24Regular aria-hidden />
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-10 right-0 z-50 w-72 max-w-[calc(100vw-1rem)] border border-stroke bg-surface p-4 text-ink shadow-lg"
        >
          <p className="text-xs text-ink-muted">{t("signedInAs")}</p>
          <p className="font-semibold">{name}</p>
          <p className="mb-3 text-ink-muted">{email}</p>
          <form
            action={saveLanguage}
            onReset={keepControlledValues}
            className="mb-3 flex items-end gap-2 border-y border-stroke-subtle py-3"
          >
            <label className="flex flex-1 flex-col gap-1 text-[13px]">
              <span className="font-semibold">{t("language")}</span>
              <select
                name="locale"
                value={language}
                onChange={(event) => setLanguage(event.target.value as Locale)}
                className="h-8 rounded border border-stroke bg-surface px-2"
              >
                {locales.map((code) => (
                  // Each language is named in itself, and marked so for screen readers.
                  <option key={code} value={code} lang={code}>
                    {t(`languages.${code}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">{t("languageApply")}</Button>
          </form>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <form action={signOut}>
              <button type="submit" className="text-brand underline-offset-2 hover:underline">
                {t("signOut")}
              </button>
            </form>
            {/* Every browser of the user, and every token given to their scripts. */}
            <form action={signOutEverywhere}>
              <button type="submit" className="text-brand underline-offset-2 hover:underline">
                {t("signOutEverywhere")}
              </button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}
