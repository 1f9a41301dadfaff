// "Your credit cards" on a billing profile's Payment methods (change-credit-card, delete-azure-payment-method):
// each card's "…" menu holds Edit, Make default and Delete; Edit and Delete open in a pane, never inside the
// row; Delete names the card and says whether it is in use (a default card, or one a payment is pending on,
// can't be deleted, and the pane says why); one pane at a time. The server actions are spies here; their
// own tests (the server refuses those deletes too): tests/integration/profile-payment-methods.test.ts.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { OnePane } from "@/features/payment-methods/components/one-pane";
import { ReplaceDefaultForm } from "@/features/payment-methods/components/replace-default-form";
import { YourCreditCards, type ListedCard } from "@/features/payment-methods/components/your-credit-cards";
import { catalogs } from "@/i18n/catalogs";

const actions = vi.hoisted(() => ({
  setDefaultPaymentMethodAction: vi.fn(),
  removePaymentMethodAction: vi.fn(),
  addPaymentMethodAction: vi.fn(),
  editPaymentMethodAction: vi.fn(),
  replaceDefaultPaymentMethodAction: vi.fn(),
}));
vi.mock("@/features/payment-methods/method-actions", () => actions);
vi.mock("@/features/payment-methods/profile-card-actions", () => actions);

const NOW = "2026-11-20T09:00:00.000Z";
const listed = (card: Partial<ListedCard> & { id: string; label: string }): ListedCard => ({
  expiry: "12/2028",
  expMonth: 12,
  expYear: 2028,
  holderName: "Adele Vance",
  country: "US",
  postalCode: "98052",
  expired: false,
  isDefault: false,
  inPendingPayment: false,
  ...card,
});
const cards = [
  listed({ id: "visa", label: "Visa •••• 4242", isDefault: true }),
  listed({ id: "mc", label: "Mastercard •••• 4444", inPendingPayment: true }),
  listed({ id: "amex", label: "American Express •••• 0005", expiry: "01/2025", expired: true }),
];

function renderCards(locale: "en" | "fr" = "en", canManage = true) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      <OnePane>
        <ReplaceDefaultForm
          accountId="acc"
          billingProfileId="P1"
          profileName="Contoso Engineering"
          cards={[]}
          nowIso={NOW}
        />
        <YourCreditCards
          accountId="acc"
          profileName="Contoso Engineering"
          cards={cards}
          canManage={canManage}
          nowIso={NOW}
        />
      </OnePane>
    </NextIntlClientProvider>,
  );
}

function openMenu(card: string, locale: "en" | "fr" = "en") {
  const name = locale === "en" ? `More actions for ${card}` : `Autres actions pour ${card}`;
  const button = screen.getByRole("button", { name });
  button.focus();
  fireEvent.click(button);
  return screen.getByRole("menu", { name });
}

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
});

describe("Your credit cards", () => {
  it("lists every card, the default included, each row ending with a … menu of Edit, Make default and Delete", () => {
    renderCards();
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual([
      "Visa •••• 4242",
      "Mastercard •••• 4444",
      "American Express •••• 0005",
    ]);
    const menu = openMenu("Mastercard •••• 4444");
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Edit", "Make default", "Delete"]);
    expect(within(menu).getByRole("menuitem", { name: "Make default" })).not.toHaveAttribute("aria-disabled");
    fireEvent.keyDown(menu, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    // The default is the default already; an expired card can't become it.
    for (const card of ["Visa •••• 4242", "American Express •••• 0005"]) {
      const other = openMenu(card);
      expect(within(other).getByRole("menuitem", { name: "Make default" })).toHaveAttribute("aria-disabled", "true");
      fireEvent.keyDown(other, { key: "Escape" });
    }
  });

  it("Make default runs for the card chosen and says so", async () => {
    actions.setDefaultPaymentMethodAction.mockResolvedValue({
      status: "ok",
      message: "The default payment method was changed.",
    });
    renderCards();
    const menu = openMenu("Mastercard •••• 4444");
    await act(async () => {
      fireEvent.click(within(menu).getByRole("menuitem", { name: "Make default" }));
    });
    const sent = actions.setDefaultPaymentMethodAction.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(sent)).toEqual({ accountId: "acc", paymentMethodId: "mc" });
    expect(await screen.findByRole("status")).toHaveTextContent("The default payment method was changed.");
  });

  it("Delete asks first, naming the card, and refuses a default card with the reason", () => {
    renderCards();
    fireEvent.click(within(openMenu("Visa •••• 4242")).getByRole("menuitem", { name: "Delete" }));
    const pane = screen.getByRole("dialog", { name: "Delete a payment method" });
    expect(within(pane).getByText("Visa •••• 4242, expires 12/2028")).toBeVisible();
    expect(within(pane).getByText("This payment method is in use and can't be deleted.")).toBeVisible();
    expect(within(pane).getByText(/default payment method of the billing profile Contoso Engineering/)).toBeVisible();
    expect(within(pane).getByRole("button", { name: "Delete" })).toBeDisabled();
    // Nothing inside the table: the pane is beside it.
    expect(screen.getByRole("table")).not.toContainElement(pane);
  });

  it("Delete refuses a card a payment is pending on, with the reason", () => {
    renderCards();
    fireEvent.click(within(openMenu("Mastercard •••• 4444")).getByRole("menuitem", { name: "Delete" }));
    const pane = screen.getByRole("dialog", { name: "Delete a payment method" });
    expect(within(pane).getByText(/A payment with this card is still being processed/)).toBeVisible();
    expect(within(pane).getByRole("button", { name: "Delete" })).toBeDisabled();
  });

  it("Delete removes a card not in use once confirmed", async () => {
    actions.removePaymentMethodAction.mockResolvedValue({ status: "ok", message: "The card was deleted." });
    renderCards();
    fireEvent.click(within(openMenu("American Express •••• 0005")).getByRole("menuitem", { name: "Delete" }));
    const pane = screen.getByRole("dialog", { name: "Delete a payment method" });
    expect(within(pane).getByText(/This payment method isn't in use/)).toBeVisible();
    expect(actions.removePaymentMethodAction).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Delete" }));
    });
    const sent = actions.removePaymentMethodAction.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(sent)).toEqual({ accountId: "acc", paymentMethodId: "amex" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByRole("status")).toHaveTextContent("The card was deleted.");
  });

  it("opens Edit in a pane, one pane at a time: Replace closes it", () => {
    renderCards();
    const menu = openMenu("Visa •••• 4242");
    fireEvent.click(within(menu).getByRole("menuitem", { name: "Edit" }));
    const edit = screen.getByRole("dialog", { name: "Edit Visa •••• 4242" });
    expect(within(edit).getByLabelText("Name on card")).toHaveValue("Adele Vance");
    expect(screen.getByRole("table")).not.toContainElement(edit);

    fireEvent.click(screen.getByRole("button", { name: "Replace" }));
    expect(screen.queryByRole("dialog", { name: "Edit Visa •••• 4242" })).toBeNull();
    expect(screen.getAllByRole("dialog")).toHaveLength(1);
    expect(screen.getByRole("dialog", { name: "Select a payment method" })).toBeVisible();
  });

  it("shows readers the cards without the menus", () => {
    renderCards("en", false);
    expect(screen.getAllByRole("row")).toHaveLength(4);
    expect(screen.queryByRole("button", { name: /^More actions/ })).toBeNull();
  });

  it("speaks French: Vos cartes' menu and the confirmation", () => {
    renderCards("fr");
    const menu = openMenu("Visa •••• 4242", "fr");
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Modifier", "Définir par défaut", "Supprimer"]);
    fireEvent.click(within(menu).getByRole("menuitem", { name: "Supprimer" }));
    const pane = screen.getByRole("dialog", { name: "Supprimer un mode de paiement" });
    expect(within(pane).getByText("Ce mode de paiement est utilisé et ne peut pas être supprimé.")).toBeVisible();
    expect(within(pane).getByRole("button", { name: "Supprimer" })).toBeDisabled();
  });
});
