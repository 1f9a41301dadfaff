// The Settle balance form: the same payment-method picker and card rules as Pay now, and each
// invoice's outcome reported after Pay. The server action is a spy here (its own tests:
// tests/integration/settle-balance.test.ts).
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { PayNowCard } from "@/features/payment-methods/queries";
import { SettleBalanceForm } from "@/features/settle-balance/components/settle-balance-form";
import type { SettleState } from "@/features/settle-balance/settle-state";
import { catalogs } from "@/i18n/catalogs";

const actions = vi.hoisted(() => ({ settleBalanceAction: vi.fn() }));
vi.mock("@/features/settle-balance/settle-actions", () => actions);

const NOW = "2026-11-20T09:00:00.000Z";
const cards: PayNowCard[] = [
  { id: "mc", brand: "mastercard", last4: "4444", expMonth: 6, expYear: 2028, expired: false, isDefault: true },
  { id: "old", brand: "visa", last4: "0005", expMonth: 1, expYear: 2025, expired: true, isDefault: false },
];

function renderForm(locale: "en" | "fr" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      <SettleBalanceForm accountId="acc" pastDueCount={2} cards={cards} initialAttemptId="attempt-1" nowIso={NOW} />
    </NextIntlClientProvider>,
  );
}

/** Select a payment method → the pane's drop-down → Select (the picker: payment-method-picker.test.tsx). */
function chooseCard(cardId: string, locale: "en" | "fr" = "en") {
  const name = locale === "en" ? "Select a payment method" : "Sélectionner un mode de paiement";
  fireEvent.click(screen.getByRole("button", { name }));
  const pane = screen.getByRole("dialog", { name });
  fireEvent.change(within(pane).getByRole("combobox"), { target: { value: cardId } });
  fireEvent.click(within(pane).getByRole("button", { name: locale === "en" ? "Select" : "Sélectionner" }));
}

const settled = (results: SettleState["results"]): SettleState => ({
  status: "settled",
  nextAttemptId: "attempt-2",
  results,
});

beforeEach(() => actions.settleBalanceAction.mockReset());

describe("SettleBalanceForm", () => {
  it("offers the saved cards (expired ones not selectable) or a new card, and Pay waits for a choice", () => {
    renderForm();
    expect(screen.getByRole("button", { name: "Pay" })).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
    const pane = screen.getByRole("dialog", { name: "Select a payment method" });
    expect(within(pane).getByRole("option", { name: /^Mastercard ending in 4444/ })).toHaveProperty("disabled", false);
    expect(within(pane).getByRole("option", { name: /^Visa ending in 0005/ })).toHaveProperty("disabled", true);
    fireEvent.click(within(pane).getByRole("button", { name: "Add new payment method" }));
    expect(screen.getByLabelText("Card number")).toBeVisible();
    // The card form's rules, in the browser, before anything is sent.
    fireEvent.submit(screen.getByRole("button", { name: "Pay" }).closest("form")!);
    expect(screen.getByLabelText("Card number")).toHaveAccessibleDescription("Enter the card number.");
    expect(actions.settleBalanceAction).not.toHaveBeenCalled();
  });

  it("pays with the chosen card under the attempt's ID and lists every invoice paid", async () => {
    actions.settleBalanceAction.mockResolvedValue(
      settled([
        { invoiceId: "G1", amountMinor: 12_000, currency: "EUR", status: "succeeded" },
        { invoiceId: "G2", amountMinor: 3_050, currency: "EUR", status: "succeeded" },
      ]),
    );
    renderForm();
    chooseCard("mc");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Pay" }));
    });
    const sent = actions.settleBalanceAction.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(sent)).toMatchObject({
      accountId: "acc",
      settleAttemptId: "attempt-1",
      method: "saved",
      paymentMethodId: "mc",
    });
    const heading = await screen.findByText("Your past-due balance is settled: 2 invoices paid.");
    const status = heading.closest<HTMLElement>("[role=status]")!;
    const list = within(status).getByRole("list", { name: "Settle balance results" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Invoice G1: €120.00 paid", "Invoice G2: €30.50 paid"]);
  });

  it("reports which invoice was not paid and why, in French too", async () => {
    actions.settleBalanceAction.mockResolvedValue(
      settled([
        { invoiceId: "G1", amountMinor: 12_000, currency: "EUR", status: "succeeded" },
        { invoiceId: "G2", amountMinor: 3_050, currency: "EUR", status: "declined", message: "Fonds insuffisants." },
      ]),
    );
    renderForm("fr");
    chooseCard("mc", "fr");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Payer" }));
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Toutes les factures n’ont pas été payées.");
    // French puts a narrow no-break space before ":" and inside amounts.
    expect(
      within(alert)
        .getAllByRole("listitem")
        .map((item) => item.textContent?.replace(/\s/gu, " ")),
    ).toEqual(["Facture G1 : 120,00 € payé", "Facture G2 : 30,50 € non payé. Fonds insuffisants."]);
  });
});
