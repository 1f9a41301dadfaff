"use client";

import { useEffect, type RefObject } from "react";

/** Closes a top-bar popover on Escape and gives focus back to the button that opened it. */
export function useEscapeToClose(open: boolean, close: () => void, opener: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      opener.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, close, opener]);
}
