"use client";

import { useEffect, useState } from "react";

import { CheckmarkCircle20Filled, Dismiss20Regular } from "@/components/ui/icons";

type Toast = { id: number; message: string };
const listeners = new Set<(toast: Toast) => void>();
let counter = 0;

/** Shows a portal notification toast; it survives the navigation that closes a blade. */
export function showToast(message: string): void {
  const toast = { id: ++counter, message };
  listeners.forEach((listener) => listener(toast));
}

export function Toaster({ closeLabel }: { closeLabel: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    const add = (toast: Toast) => {
      setToasts((list) => [...list, toast]);
      setTimeout(() => setToasts((list) => list.filter((item) => item.id !== toast.id)), 8000);
    };
    listeners.add(add);
    return () => {
      listeners.delete(add);
    };
  }, []);
  return (
    <div
      role="status"
      aria-live="polite"
      className="no-print fixed right-3 bottom-3 z-50 flex w-[360px] flex-col gap-2"
    >
      {toasts.map((toast) => (
        <div key={toast.id} className="flex items-start gap-2 border border-stroke bg-surface p-3 shadow-lg">
          <CheckmarkCircle20Filled aria-hidden className="shrink-0 text-success" />
          <p className="flex-1">{toast.message}</p>
          <button
            type="button"
            aria-label={closeLabel}
            onClick={() => setToasts((list) => list.filter((item) => item.id !== toast.id))}
          >
            <Dismiss20Regular aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
