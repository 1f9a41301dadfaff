import { helpDocuments, type HelpDocument } from "./help";
import { matchesService, portalServices } from "./services";

/**
 * What the top bar's search finds, grouped as the portal's own search box groups its results:
 * **Services** (Cost Management + Billing, and its pages in each billing account the user holds a
 * role on) and **Documentation** (the Microsoft Learn pages of the Help pane: one list, help.ts).
 * Pure, so the client component and its tests share it; the accounts come from the server
 * (listBillingScopes), so nothing of an account the user has no role on can be found.
 */
export type SearchAccount = {
  name: string;
  /** billingAccountPath: the account's Overview. */
  path: string;
  /** Billing profiles exist on a Microsoft Customer Agreement only (a pay-as-you-go account has none). */
  hasBillingProfiles: boolean;
};

export const accountPages = ["invoices", "paymentMethods", "billingProfiles", "properties"] as const;
export type AccountPage = (typeof accountPages)[number];
const pageSegment: Record<AccountPage, string> = {
  invoices: "invoices",
  paymentMethods: "payment-methods",
  billingProfiles: "billing-profiles",
  properties: "properties",
};

export type SearchGroup = "services" | "documentation";
export type SearchItem = {
  key: string;
  group: SearchGroup;
  name: string;
  description: string;
  href: string;
  /** Documentation opens in a new tab, as the Help pane's links do. */
  external: boolean;
  /** Words it is found by besides its name (the catalog's, so in the reader's language). */
  keywords: string;
};

/** The catalog words the items are made of (the reader's language). */
export type SearchWords = {
  service: { name: string; description: string; keywords: string };
  page: (page: AccountPage) => { name: string; keywords: string };
  /** "Page of billing account <account>": where a page is (not the service's name again, which finds the service). */
  pageDescription: (account: string) => string;
  document: (document: HelpDocument) => { name: string; keywords: string };
  documentDescription: string;
};

/** Every item the search can show for this user, services first, in the portal's order. */
export function searchItems(accounts: SearchAccount[], words: SearchWords): SearchItem[] {
  const services: SearchItem[] = portalServices.map((service) => ({
    key: service.id,
    group: "services",
    name: words.service.name,
    description: words.service.description,
    href: service.href,
    external: false,
    keywords: words.service.keywords,
  }));
  for (const account of accounts) {
    for (const page of accountPages) {
      if (page === "billingProfiles" && !account.hasBillingProfiles) continue;
      const { name, keywords } = words.page(page);
      services.push({
        key: `${account.path}/${pageSegment[page]}`,
        group: "services",
        name,
        description: words.pageDescription(account.name),
        href: `${account.path}/${pageSegment[page]}`,
        external: false,
        keywords: `${keywords} ${account.name}`,
      });
    }
  }
  const documentation: SearchItem[] = (Object.keys(helpDocuments) as HelpDocument[]).map((id) => ({
    key: id,
    group: "documentation",
    ...words.document(id),
    description: words.documentDescription,
    href: helpDocuments[id],
    external: true,
  }));
  return [...services, ...documentation];
}

/** An item matches when every typed word starts a word of its name or keywords (accents ignored). */
export function matchesQuery(query: string, item: Pick<SearchItem, "name" | "keywords">): boolean {
  return matchesService(query, item.name, item.keywords);
}

/** The matching items by group, each group in its own order; empty groups are left out. */
export function searchResults(query: string, items: SearchItem[]): { group: SearchGroup; items: SearchItem[] }[] {
  const found = items.filter((item) => matchesQuery(query, item));
  return (["services", "documentation"] as const)
    .map((group) => ({ group, items: found.filter((item) => item.group === group) }))
    .filter((group) => group.items.length > 0);
}
