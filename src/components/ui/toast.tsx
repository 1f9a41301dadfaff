"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { CheckmarkCircle20Filled, Dismiss20Regular } from "@/components/ui/icons";

/** One portal notification toast: a success icon, the message and a close button. */
export function Toast({
  message,
  onDismiss,
  closeLabel,
}: {
  message: string;
  onDismiss: () => void;
  closeLabel: string;
}) {
  return (
    <div className="flex items-start gap-2 border border-stroke bg-surface p-3 shadow-lg">
      <CheckmarkCircle20Filled aria-hidden className="shrink-0 text-success" />
      <p className="flex-1">{message}</p>
      <button type="button" aria-label={closeLabel} onClick={onDismiss}>
        <Dismiss20Regular aria-hidden />
      </button>
    </div>
  );
}

/** Where toasts appear: the bottom right corner, announced politely, never printed. */
export function ToastRegion({ children }: { children: React.ReactNode }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="no-print fixed right-3 bottom-3 z-50 flex w-[360px] flex-col gap-2"
    >
      {children}
    </div>
  );
}

/** A toast the server renders with the page (the one Pay now leaves after a redirect); it stays until closed. */
export function DismissibleToast({ message }: { message: string }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(true);
  return (
    <ToastRegion>
      {open && <Toast message={message} closeLabel={t("close")} onDismiss={() => setOpen(false)} />}
    </ToastRegion>
  );
}
