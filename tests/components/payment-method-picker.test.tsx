// Select a payment method as the portal has it: a button opens a pane with a drop-down of the profile's
// cards (expired ones listed, not selectable) and an Add new payment method link; once the pane closes the
// blade shows the card chosen, or the card form for a new one. The Pay now blade's form is the host here
// (its server action is a spy; its own tests: tests/integration/payments/).
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { PayNowCard } from "@/features/payment-methods/queries";
import { PayNowForm } from "@/features/payments/components/pay-now-form";
import type { PayNowState } from "@/features/payments/pay-now-state";
import { catalogs } from "@/i18n/catalogs";

const actions = vi.hoisted(() => ({ payInvoiceAction: vi.fn() }));
vi.mock("@/features/payments/actions", () => actions);

const NOW = "2026-11-20T09:00:00.000Z";
const cards: PayNowCard[] = [
  { id: "visa", brand: "visa", last4: "4242", expMonth: 12, expYear: 2028, expired: false, isDefault: true },
  { id: "mc", brand: "mastercard", last4: "4444", expMonth: 6, expYear: 2028, expired: false, isDefault: false },
  { id: "old", brand: "american-express", last4: "0005", expMonth: 1, expYear: 2025, expired: true, isDefault: false },
];

function renderForm(locale: "en" | "fr" = "en", partialPayments = false) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      <PayNowForm
        accountId="acc"
        invoiceId="G000000001"
        currency="USD"
        amountDueMinor={50_000}
        minimumPartialMinor={500}
        partialPayments={partialPayments}
        cards={cards}
        initialKey="key-1"
        closeHref="/billing/acc/invoices"
        nowIso={NOW}
      />
    </NextIntlClientProvider>,
  );
}

const pane = (name = "Select a payment method") => screen.getByRole("dialog", { name });

beforeEach(() => actions.payInvoiceAction.mockReset());

describe("Select a payment method", () => {
  it("is a button that opens a pane with a drop-down of the cards, expired ones shown but not selectable", () => {
    renderForm();
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.getByText("No payment method selected.")).toBeVisible();
    const opener = screen.getByRole("button", { name: "Select a payment method" });
    expect(opener).toHaveAttribute("aria-haspopup", "dialog");
    fireEvent.click(opener);

    const cardList = within(pane()).getByRole("combobox", { name: "Saved cards" });
    expect(cardList).toHaveFocus();
    const options = within(cardList).getAllByRole("option");
    expect(options.map((option) => [option.textContent, (option as HTMLOptionElement).disabled])).toEqual([
      ["Choose a card", false],
      ["Visa ending in 4242, expires 12/2028 (default)", false],
      ["Mastercard ending in 4444, expires 06/2028", false],
      ["American Express ending in 0005, expires 01/2025 (expired, can't be used)", true],
    ]);
    expect(cardList).toHaveAccessibleDescription(/Expired cards are listed but can't be selected/);
    // Select waits for a card.
    expect(within(pane()).getByRole("button", { name: "Select" })).toBeDisabled();
    expect(within(pane()).getByRole("button", { name: "Add new payment method" })).toBeVisible();
  });

  it("shows the chosen card in the blade once the pane closes, and pays with it", async () => {
    actions.payInvoiceAction.mockResolvedValue({ status: "error", message: "x", nextKey: "key-2" } as PayNowState);
    renderForm();
    const payNow = screen.getByRole("button", { name: "Pay now" });
    expect(payNow).toBeDisabled();
    const opener = screen.getByRole("button", { name: "Select a payment method" });
    // As a browser does on a click: the button has the focus when the pane opens.
    opener.focus();
    fireEvent.click(opener);
    fireEvent.change(within(pane()).getByRole("combobox", { name: "Saved cards" }), { target: { value: "mc" } });
    fireEvent.click(within(pane()).getByRole("button", { name: "Select" }));

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(opener).toHaveFocus();
    expect(screen.getByText("Mastercard ending in 4444, expires 06/2028")).toBeVisible();
    expect(payNow).toBeEnabled();
    await act(async () => {
      fireEvent.click(payNow);
    });
    const sent = actions.payInvoiceAction.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(sent)).toMatchObject({ method: "saved", paymentMethodId: "mc", invoiceId: "G000000001" });
  });

  it("opens the card form from Add new payment method, focused on the card number", async () => {
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
    fireEvent.click(within(pane()).getByRole("button", { name: "Add new payment method" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    const number = screen.getByLabelText("Card number");
    expect(number).toBeVisible();
    await waitFor(() => expect(number).toHaveFocus());
    expect(screen.getByText("a new card (enter it below)")).toBeVisible();
    // The card form's rules, in the browser, before anything is sent.
    fireEvent.submit(screen.getByRole("button", { name: "Pay now" }).closest("form")!);
    expect(number).toHaveAccessibleDescription("Enter the card number.");
    expect(actions.payInvoiceAction).not.toHaveBeenCalled();
  });

  it("closes on Escape or Cancel without changing the choice", () => {
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
    fireEvent.change(within(pane()).getByRole("combobox", { name: "Saved cards" }), { target: { value: "visa" } });
    fireEvent.keyDown(within(pane()).getByRole("combobox"), { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByText("No payment method selected.")).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
    fireEvent.click(within(pane()).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Pay now" })).toBeDisabled();
  });

  it("speaks French", () => {
    renderForm("fr");
    fireEvent.click(screen.getByRole("button", { name: "Sélectionner un mode de paiement" }));
    const frPane = pane("Sélectionner un mode de paiement");
    expect(within(frPane).getByRole("button", { name: "Ajouter un nouveau mode de paiement" })).toBeVisible();
    expect(
      within(frPane).getByRole("option", { name: /^American Express .* \(expirée, inutilisable\)$/ }),
    ).toHaveProperty("disabled", true);
    expect(within(frPane).getByRole("button", { name: "Sélectionner" })).toBeDisabled();
  });
});

describe("Partial payments (pay-bill: pay-as-you-go customers after a failed Pay now payment)", () => {
  const declined: PayNowState = {
    status: "declined",
    message: "Your card was declined.",
    retryable: false,
    nextKey: "k2",
  };

  async function decline(partialPayments: boolean) {
    actions.payInvoiceAction.mockResolvedValue(declined);
    renderForm("en", partialPayments);
    fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
    fireEvent.change(within(pane()).getByRole("combobox", { name: "Saved cards" }), { target: { value: "visa" } });
    fireEvent.click(within(pane()).getByRole("button", { name: "Select" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Pay now" }));
    });
    expect(await screen.findByText("Payment declined")).toBeVisible();
  }

  it("are not offered on an MCA account, even after a decline", async () => {
    await decline(false);
    expect(screen.queryByRole("heading", { name: "Pay part of the amount" })).toBeNull();
    expect(screen.queryByLabelText(/Amount to pay/)).toBeNull();
  });

  it("are offered on a pay-as-you-go account once a payment failed", async () => {
    await decline(true);
    expect(screen.getByRole("heading", { name: "Pay part of the amount" })).toBeVisible();
  });
});
