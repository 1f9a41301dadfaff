// A blade you can trust with focus and state: after a decline focus is on the decline message, Escape
// closes the blade wherever focus is (on <body> too), the Pay now/Cancel buttons come after every field,
// a field's error goes as soon as the field is valid, and Settle balance says one thing at a time.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { Blade } from "@/components/ui/blade";
import { newCardSchema } from "@/features/payment-methods/card-schema";
import { emptyCard } from "@/features/payment-methods/components/card-fields";
import { stillInvalid } from "@/features/payment-methods/components/use-card-check";
import type { PayNowCard } from "@/features/payment-methods/queries";
import { PayNowForm } from "@/features/payments/components/pay-now-form";
import type { PayNowState } from "@/features/payments/pay-now-state";
import { SettleBalanceForm } from "@/features/settle-balance/components/settle-balance-form";
import type { SettleState } from "@/features/settle-balance/settle-state";
import { catalogs } from "@/i18n/catalogs";

import { router } from "../support/next-request";

const actions = vi.hoisted(() => ({ payInvoiceAction: vi.fn(), settleBalanceAction: vi.fn() }));
vi.mock("@/features/payments/actions", () => ({ payInvoiceAction: actions.payInvoiceAction }));
vi.mock("@/features/settle-balance/settle-actions", () => ({ settleBalanceAction: actions.settleBalanceAction }));

const NOW = "2026-11-20T09:00:00.000Z";
const cards: PayNowCard[] = [
  { id: "visa", brand: "visa", last4: "4242", expMonth: 12, expYear: 2028, expired: false, isDefault: true },
];

function renderPayNow(locale: "en" | "fr" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      <Blade title="Pay now" closeHref="/billing/acc/invoices" width="narrow">
        <PayNowForm
          accountId="acc"
          invoiceId="G000000001"
          currency="USD"
          amountDueMinor={50_000}
          minimumPartialMinor={500}
          partialPayments={false}
          cards={cards}
          initialKey="key-1"
          closeHref="/billing/acc/invoices"
          nowIso={NOW}
        />
      </Blade>
    </NextIntlClientProvider>,
  );
}

/** Select a payment method → the pane → a saved card, or Add new payment method (the card form). */
function choose(card: "visa" | "new") {
  fireEvent.click(screen.getByRole("button", { name: "Select a payment method" }));
  const pane = screen.getByRole("dialog", { name: "Select a payment method" });
  if (card === "new") return fireEvent.click(within(pane).getByRole("button", { name: "Add new payment method" }));
  fireEvent.change(within(pane).getByRole("combobox"), { target: { value: card } });
  fireEvent.click(within(pane).getByRole("button", { name: "Select" }));
}

beforeEach(() => {
  actions.payInvoiceAction.mockReset();
  actions.settleBalanceAction.mockReset();
});

describe("Pay now after a decline", () => {
  it("moves focus to the decline message, and Escape on <body> still closes the blade", async () => {
    actions.payInvoiceAction.mockResolvedValue({
      status: "declined",
      message: "Your card was declined.",
      retryable: true,
      nextKey: "key-2",
    } satisfies PayNowState);
    renderPayNow();
    choose("visa");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Pay now" }));
    });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Your card was declined.");
    await waitFor(() => expect(document.activeElement?.contains(alert)).toBe(true));

    // Focus dropped on <body> (what a browser does when the focused element goes): Escape still closes.
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(router.push).toHaveBeenLastCalledWith("/billing/acc/invoices", { scroll: false });
  });
});

describe("Pay now's buttons", () => {
  it("come after every field of the form, not over them", () => {
    renderPayNow();
    choose("new");
    const payNow = screen.getByRole("button", { name: "Pay now" });
    const footer = payNow.parentElement!;
    expect(footer.className).not.toMatch(/\bsticky\b/);
    const fields = screen.getByRole("dialog", { name: "Pay now" }).querySelectorAll("input:not([type=hidden]), select");
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) {
      expect(field.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });
});

describe("a field's error", () => {
  it("goes as soon as the field is valid, while the others stay until they are", () => {
    renderPayNow();
    choose("new");
    fireEvent.submit(screen.getByRole("button", { name: "Pay now" }).closest("form")!);
    const number = screen.getByLabelText("Card number");
    const name = screen.getByLabelText("Name on card");
    expect(number).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAttribute("aria-invalid", "true");

    fireEvent.change(number, { target: { value: "4242 4242 4242 4242" } });
    expect(number).toHaveAttribute("aria-invalid", "false");
    expect(number).not.toHaveAccessibleDescription(/Enter the card number/);
    expect(name).toHaveAttribute("aria-invalid", "true");
    // Still wrong, the field shows what is wrong now.
    fireEvent.change(number, { target: { value: "4242" } });
    expect(number).toHaveAttribute("aria-invalid", "true");
    expect(actions.payInvoiceAction).not.toHaveBeenCalled();
  });

  it("from the server stays while the field holds what was sent, and goes once it is changed and valid", () => {
    const schema = newCardSchema(new Date(NOW));
    const sent = { ...emptyCard, cardNumber: "4242424242424242", holderName: "A" };
    const checked = { schema, values: sent };
    const translate = (key: string) => key;
    const errors = { cardNumber: "refused by the server", amount: "too small" };
    expect(stillInvalid(errors, checked, sent, translate)).toEqual(errors);
    const changed = { ...sent, cardNumber: "5555555555554444" };
    expect(stillInvalid(errors, checked, changed, translate)).toEqual({ amount: "too small" });
    expect(stillInvalid(errors, checked, { ...sent, cardNumber: "1" }, translate)).toEqual({
      cardNumber: "cardNumberInvalid",
      amount: "too small",
    });
    // A submit that checked no card (a saved card) leaves the errors as they are.
    expect(stillInvalid(errors, null, changed, translate)).toEqual(errors);
  });
});

describe("Settle balance", () => {
  const renderSettle = (pastDueCount: number) => (
    <NextIntlClientProvider locale="en" messages={catalogs.en} timeZone="UTC">
      <SettleBalanceForm
        accountId="acc"
        pastDueCount={pastDueCount}
        cards={cards}
        initialAttemptId="attempt-1"
        nowIso={NOW}
      />
    </NextIntlClientProvider>
  );

  it("says one thing after paying: what it paid, not also that nothing is past due", async () => {
    actions.settleBalanceAction.mockResolvedValue({
      status: "settled",
      nextAttemptId: "attempt-2",
      results: [{ invoiceId: "G1", amountMinor: 12_000, currency: "USD", status: "succeeded" }],
    } satisfies SettleState);
    const { rerender } = render(renderSettle(1));
    choose("visa");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Pay" }));
    });
    // The page is rendered again with the balance paid.
    rerender(renderSettle(0));
    const messages = screen.getAllByRole("status").filter((element) => element.textContent);
    expect(messages.map((element) => element.textContent)).toEqual([
      expect.stringMatching(/^Your past-due balance is settled: 1 invoice paid/),
    ]);
  });

  it("opened with nothing past due, says so once", () => {
    render(renderSettle(0));
    expect(screen.getAllByRole("status").filter((element) => element.textContent)).toHaveLength(1);
    expect(screen.getByRole("status")).toHaveTextContent("There's nothing past due on this account.");
  });
});
