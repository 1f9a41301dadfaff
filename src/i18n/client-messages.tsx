import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import type { ReactNode } from "react";

import type { Messages } from "./catalogs";

/** The shell's words, which every portal page's client components read (top bar, menus, blades, toasts). */
const SHELL = ["common", "portal"] as const;
type FeatureNamespace = Exclude<keyof Messages, (typeof SHELL)[number]>;
/** A feature's catalog, or a part of it ("invoices.commands"): what the client components below read. */
export type ClientNamespace = FeatureNamespace | `${FeatureNamespace}.${string}`;

type Catalog = { [key: string]: unknown };

/** The shell's catalogs and those parts of the request's messages that `namespaces` name, nested as in the catalogs. */
export function pickMessages(messages: Messages, namespaces: readonly ClientNamespace[]): Partial<Messages> {
  const picked: Catalog = Object.fromEntries(SHELL.map((namespace) => [namespace, messages[namespace]]));
  for (const namespace of namespaces) {
    const keys = namespace.split(".");
    const last = keys.pop()!;
    let from = messages as unknown as Catalog;
    let to = picked;
    for (const key of keys) {
      from = from[key] as Catalog;
      to = (to[key] ??= {}) as Catalog;
    }
    to[last] = from[last];
  }
  return picked as Partial<Messages>;
}

/**
 * The words the browser gets for a part of the page: the shell's namespaces and those of the
 * features whose client components render inside, whole or only the parts they read (the grid
 * takes ~0.5 KB of the 5 KB invoices catalog). The full catalogs are ~21 KB, serialised into
 * every page's RSC payload and read back for its HTML; a page now carries only what its client
 * components read (the empty dashboard: the shell's ~4 KB). A provider replaces the one above it
 * (they do not merge), which is why each one also carries the shell's namespaces: they are the
 * same objects, which the RSC payload writes once and refers to after (`$4:props:messages:portal`).
 */
export function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly ClientNamespace[];
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
