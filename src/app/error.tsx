"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

// Never shows the error itself: no stack trace or SQL reaches the user.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main className="mx-auto max-w-xl px-6 py-16" role="alert">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-ink-muted">{t("body")}</p>
      <Button variant="primary" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
