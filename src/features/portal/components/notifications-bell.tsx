"use client";

import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState, useTransition } from "react";

import { Alert24Regular } from "@/components/ui/icons";
import { useEscapeToClose } from "@/components/ui/use-escape-to-close";

import { markNotificationsRead } from "../actions";
import type { BellNotification } from "../notifications";

/** The top bar's bell: a count of new notifications and the list of all of them. */
export function NotificationsBell({ notifications }: { notifications: BellNotification[] }) {
  const t = useTranslations("portal.topBar");
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const [, startTransition] = useTransition();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const unread = notifications.filter((n) => n.unread).length;

  useEscapeToClose(open, close, button);

  const toggle = () => {
    setOpen((value) => !value);
    if (!open && unread > 0) startTransition(() => markNotificationsRead());
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("notificationsCount", { count: unread })}
        onClick={toggle}
        className="relative flex size-10 items-center justify-center text-white hover:bg-[#323130]"
      >
        <Alert24Regular aria-hidden />
        {unread > 0 && (
          <span
            aria-hidden
            className="absolute top-1 right-1 min-w-4 rounded-full bg-brand px-1 text-[10px] leading-4 font-semibold text-white"
          >
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          aria-label={t("notifications")}
          className="fixed top-10 right-0 bottom-0 z-50 w-full overflow-y-auto sm:w-[360px] border-l border-stroke bg-surface text-ink shadow-xl"
        >
          <h2 className="border-b border-stroke-subtle px-4 py-3 text-base font-semibold">{t("notifications")}</h2>
          {notifications.length === 0 ? (
            <p className="px-4 py-3 text-ink-muted">{t("noNotifications")}</p>
          ) : (
            <ul>
              {notifications.map((notification) => (
                <li
                  key={notification.id}
                  className={`border-b border-stroke-subtle px-4 py-3 ${notification.unread ? "bg-brand-subtle" : ""}`}
                >
                  <p
                    className={`font-semibold ${notification.intent === "error" ? "text-danger" : notification.intent === "success" ? "text-success" : ""}`}
                  >
                    {notification.title}
                  </p>
                  <p>{notification.body}</p>
                  <p className="text-xs text-ink-muted">{notification.when}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
