import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import type { ReactNode } from "react";

import type { Messages } from "./catalogs";

/** The shell's words, which every portal page's client components read (top bar, menus, blades, toasts). */
const SHELL = ["common", "portal"] as const;
type FeatureNamespace = Exclude<keyof Messages, (typeof SHELL)[number]>;

/** The catalogs of `namespaces` and the shell's, out of the request's messages. */
export function pickMessages(messages: Messages, namespaces: readonly FeatureNamespace[]): Partial<Messages> {
  return Object.fromEntries([...SHELL, ...namespaces].map((namespace) => [namespace, messages[namespace]]));
}

/**
 * The words the browser gets for a part of the page: the shell's namespaces and those of the
 * features whose client components render inside. The full catalogs are ~21 KB, serialised into
 * every page's RSC payload and read back for its HTML; a page now carries only what its client
 * components read (the empty dashboard: the shell's ~4 KB). A provider replaces the one above it
 * (they do not merge), which is why each one also carries the shell's namespaces: they are the
 * same objects, which the RSC payload writes once and refers to after (`$4:props:messages:portal`).
 */
export function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly FeatureNamespace[];
  children: ReactNode;
}) {
  // Hooks, not getMessages(): a synchronous component renders the same on the server and in the
  // component tests, under the provider above it.
  const messages = useMessages() as Messages;
  return (
    <NextIntlClientProvider locale={useLocale()} messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
