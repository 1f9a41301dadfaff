"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { CheckmarkCircle20Filled, Dismiss20Regular } from "@/components/ui/icons";

export function DismissibleToast({ message }: { message: string }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div
      role="status"
      className="no-print fixed right-3 bottom-3 z-50 flex w-[360px] items-start gap-2 border border-stroke bg-surface p-3 shadow-lg"
    >
      <CheckmarkCircle20Filled aria-hidden className="shrink-0 text-success" />
      <p className="flex-1">{message}</p>
      <button type="button" aria-label={t("close")} onClick={() => setOpen(false)}>
        <Dismiss20Regular aria-hidden />
      </button>
    </div>
  );
}
