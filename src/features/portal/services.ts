/**
 * The services the global search knows. Keywords come from the message
 * catalog, so the service is found by its name in every language.
 */
export type PortalService = { id: "costManagementBilling"; href: string };

export const portalServices: PortalService[] = [{ id: "costManagementBilling", href: "/billing" }];

/** A service (or any search item, search.ts) matches when every typed word starts a word of its name or keywords. */
export function matchesService(query: string, name: string, keywords: string): boolean {
  const words = `${name} ${keywords}`
    .toLocaleLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .split(/[^\p{L}\p{N}]+/u);
  const typed = query
    .toLocaleLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return typed.length > 0 && typed.every((part) => words.some((word) => word.startsWith(part)));
}
