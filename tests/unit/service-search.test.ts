// The global search finds Cost Management + Billing by its name and keywords in
// the reader's language, with or without accents (the seed's French terms).
import { describe, expect, it } from "vitest";

import { matchesService } from "@/features/portal/services";
import { catalogs } from "@/i18n/catalogs";

const service = (locale: "en" | "fr") =>
  [catalogs[locale].portal.services.costManagementBilling, catalogs[locale].portal.services.keywords] as const;

describe("matchesService", () => {
  it.each(["cost", "Cost Management", "billing", "invoices", "bill", "pay"])(
    "finds the service in English by %j",
    (query) => {
      expect(matchesService(query, ...service("en"))).toBe(true);
    },
  );

  it.each([
    "gestion",
    "coûts",
    "couts",
    "COÛTS",
    "facturation",
    "factures",
    "facture",
    "Gestion des coûts + Facturation",
    "gestion des couts",
    "paiement",
  ])("finds the service in French by %j", (query) => {
    expect(matchesService(query, ...service("fr"))).toBe(true);
  });

  it("still finds it in French by its English name", () => {
    expect(matchesService("cost management", ...service("fr"))).toBe(true);
  });

  it.each(["", "   ", "virtual machines", "stockage", "zzz", "ion"])("does not match %j", (query) => {
    expect(matchesService(query, ...service("en"))).toBe(false);
    expect(matchesService(query, ...service("fr"))).toBe(false);
  });
});
