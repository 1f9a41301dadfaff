// The top bar's search groups its results as the portal's does: Services (Cost Management + Billing and
// its pages in each billing account the user holds a role on) and Documentation (the Help pane's Microsoft
// Learn pages, one list), in English and French; a combobox over a grouped listbox, and G then / to reach it.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import { GlobalSearch } from "@/features/portal/components/global-search";
import { helpDocuments } from "@/features/portal/help";
import type { SearchAccount } from "@/features/portal/search";
import { catalogs } from "@/i18n/catalogs";

import { router } from "../support/next-request";

const contoso: SearchAccount = { name: "Contoso Ltd", path: "/billing/contoso", hasBillingProfiles: true };
const fabrikam: SearchAccount = { name: "Fabrikam, Inc.", path: "/billing/fabrikam", hasBillingProfiles: false };

function renderSearch(accounts: SearchAccount[], locale: "en" | "fr" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      <GlobalSearch accounts={accounts} />
    </NextIntlClientProvider>,
  );
  return screen.getByRole("combobox");
}

const type = (box: HTMLElement, text: string) => fireEvent.change(box, { target: { value: text } });
const group = (name: string) => screen.getByRole("group", { name });
const optionNames = (container: HTMLElement) =>
  within(container)
    .queryAllByRole("option")
    .map((option) => option.textContent);

afterEach(() => vi.restoreAllMocks());

describe("GlobalSearch", () => {
  it('groups "payment methods" into Services (the account\'s page) and Documentation (Learn pages)', () => {
    const box = renderSearch([contoso]);
    type(box, "payment methods");
    expect(box).toHaveAttribute("aria-expanded", "true");
    const listbox = screen.getByRole("listbox");
    expect(
      within(listbox)
        .getAllByRole("group")
        .map((g) => g.getAttribute("aria-labelledby")),
    ).toHaveLength(2);
    expect(optionNames(group("Services"))).toEqual([
      expect.stringMatching(/^Payment methodsPage of billing account Contoso Ltd$/),
    ]);
    const docs = within(group("Documentation")).getAllByRole("option");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]).toHaveTextContent("(opens in a new tab)");
  });

  it('finds the Invoices page and "Pay your bill" for "pay invoice"', () => {
    const box = renderSearch([contoso]);
    type(box, "pay invoice");
    expect(optionNames(group("Services"))).toContainEqual(expect.stringMatching(/^Invoices/));
    expect(optionNames(group("Documentation"))).toContainEqual(
      expect.stringMatching(/^Pay your bill for Microsoft Azure/),
    );
  });

  it("lists pages of the accounts it is given only, and Billing profiles for an MCA account only", () => {
    const box = renderSearch([fabrikam]);
    type(box, "billing profiles");
    expect(screen.queryByRole("group", { name: "Services" })).toBeNull();
    type(box, "properties");
    expect(optionNames(group("Services"))).toEqual([expect.stringMatching(/Page of billing account Fabrikam, Inc\.$/)]);
    expect(screen.queryByText(/Contoso Ltd/)).toBeNull();
  });

  it("speaks French: Services and Documentation, found by French words", () => {
    const box = renderSearch([contoso], "fr");
    type(box, "modes de paiement");
    expect(optionNames(group("Services"))).toEqual([
      expect.stringMatching(/^Modes de paiementPage du compte de facturation Contoso Ltd$/),
    ]);
    expect(within(group("Documentation")).getAllByRole("option")[0]).toHaveTextContent(
      "(s’ouvre dans un nouvel onglet)",
    );
    type(box, "payer facture");
    expect(optionNames(group("Services"))).toContainEqual(expect.stringMatching(/^Factures/));
  });

  it("moves with the arrows across groups, opens with Enter, and closes with Escape", () => {
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    const box = renderSearch([contoso]);
    type(box, "invoice");
    const options = screen.getAllByRole("option");
    expect(options.length).toBeGreaterThan(1);
    expect(box).toHaveAttribute("aria-activedescendant", options[0].id);
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-activedescendant", options[1].id);
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-activedescendant", options[2].id);
    fireEvent.keyDown(box, { key: "ArrowUp" });
    // Cost Management + Billing first (its keywords hold "invoice"), then the account's Invoices.
    expect(options[1]).toHaveTextContent(/^Invoices/);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(router.push).toHaveBeenLastCalledWith("/billing/contoso/invoices");

    // A Documentation option opens Microsoft Learn in a new tab.
    type(box, "past due balance");
    const learn = within(group("Documentation")).getAllByRole("option")[0];
    fireEvent.click(learn);
    expect(open).toHaveBeenCalledWith(helpDocuments.pastDueBalance, "_blank", "noopener,noreferrer");

    type(box, "invoice");
    expect(box).toHaveAttribute("aria-expanded", "true");
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box).toHaveAttribute("aria-expanded", "false");
  });

  it("G then / focuses the search box, as its placeholder says; not while typing elsewhere", () => {
    const box = renderSearch([contoso]);
    expect(box).toHaveAttribute("placeholder", expect.stringContaining("(G+/)"));
    act(() => {
      fireEvent.keyDown(document.body, { key: "g" });
      fireEvent.keyDown(document.body, { key: "/" });
    });
    expect(box).toHaveFocus();

    box.blur();
    const other = document.createElement("input");
    document.body.append(other);
    other.focus();
    fireEvent.keyDown(other, { key: "g" });
    fireEvent.keyDown(other, { key: "/" });
    expect(other).toHaveFocus();
    // "/" alone does nothing either.
    other.blur();
    fireEvent.keyDown(document.body, { key: "/" });
    expect(box).not.toHaveFocus();
    other.remove();
  });
});
