"use client";

import { useEffect, useState } from "react";

import { Toast, ToastRegion } from "./toast";

type QueuedToast = { id: number; message: string };
const listeners = new Set<(toast: QueuedToast) => void>();
let counter = 0;

/** Shows a portal notification toast; it survives the navigation that closes a blade. */
export function showToast(message: string): void {
  const toast = { id: ++counter, message };
  listeners.forEach((listener) => listener(toast));
}

export function Toaster({ closeLabel }: { closeLabel: string }) {
  const [toasts, setToasts] = useState<QueuedToast[]>([]);
  useEffect(() => {
    const add = (toast: QueuedToast) => {
      setToasts((list) => [...list, toast]);
      setTimeout(() => setToasts((list) => list.filter((item) => item.id !== toast.id)), 8000);
    };
    listeners.add(add);
    return () => {
      listeners.delete(add);
    };
  }, []);
  return (
    <ToastRegion>
      {toasts.map((toast) => (
        <Toast
          key={toast.id}
          message={toast.message}
          closeLabel={closeLabel}
          onDismiss={() => setToasts((list) => list.filter((item) => item.id !== toast.id))}
        />
      ))}
    </ToastRegion>
  );
}
