// The card forms of Billing profiles › profile › Payment methods: the shared card fields in their Edit
// variant, Edit on a card (prefilled, checked in the browser with the server's schema before it is
// sent) and Replace (a saved card or a new one). The server actions are replaced by spies here; their
// own tests are tests/integration/profile-payment-methods.test.ts.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CardFields, emptyCard } from "@/features/payment-methods/components/card-fields";
import { EditCardForm } from "@/features/payment-methods/components/edit-card-form";
import { OnePane, usePane } from "@/features/payment-methods/components/one-pane";
import { ReplaceDefaultForm } from "@/features/payment-methods/components/replace-default-form";
import { catalogs } from "@/i18n/catalogs";

const actions = vi.hoisted(() => ({
  editPaymentMethodAction: vi.fn(),
  replaceDefaultPaymentMethodAction: vi.fn(),
}));
vi.mock("@/features/payment-methods/profile-card-actions", () => actions);

const NOW = "2026-11-20T09:00:00.000Z";
const card = {
  id: "card-1",
  expMonth: 8,
  expYear: 2029,
  holderName: "Adele Vance",
  country: "US",
  postalCode: "98052",
};

function inLocale(locale: "en" | "fr", ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

/** What the card's "…" menu does on Edit (your-credit-cards.test.tsx): opens the card's Edit pane. */
function OpenEdit({ label }: { label: string }) {
  const [, setOpen] = usePane("edit:card-1");
  return (
    <button type="button" onClick={() => setOpen(true)}>
      {label}
    </button>
  );
}

beforeEach(() => {
  actions.editPaymentMethodAction.mockReset().mockResolvedValue({ status: "ok", message: "The card was updated." });
  actions.replaceDefaultPaymentMethodAction.mockReset().mockResolvedValue({ status: "ok", message: "Replaced." });
});

describe("CardFields", () => {
  it("in its Edit variant shows expiry, name and address but never the number or the security code", () => {
    inLocale(
      "en",
      <CardFields
        variant="edit"
        values={{ ...emptyCard, expMonth: "8", expYear: "2029", holderName: "Adele Vance" }}
        onChange={() => {}}
        errors={{ holderName: "Enter the name as it appears on the card." }}
        idPrefix="edit"
        currentYear={2026}
      />,
    );
    expect(screen.queryByLabelText("Card number")).toBeNull();
    expect(screen.queryByLabelText("Security code (CVV/CVC)")).toBeNull();
    expect(screen.getByLabelText("Expiration month")).toHaveValue("8");
    expect(screen.getByLabelText("Expiration year")).toHaveValue("2029");
    const holder = screen.getByLabelText("Name on card");
    expect(holder).toHaveValue("Adele Vance");
    expect(holder).toHaveAttribute("aria-invalid", "true");
    expect(holder).toHaveAccessibleDescription("Enter the name as it appears on the card.");
    expect(holder).toHaveFocus();
    expect(screen.getByLabelText("Postal code")).toHaveAttribute("autocomplete", "postal-code");
  });

  it("keeps an expiry year before this year selectable on an edited card", () => {
    inLocale(
      "en",
      <CardFields
        variant="edit"
        values={{ ...emptyCard, expMonth: "1", expYear: "2025" }}
        onChange={() => {}}
        errors={{}}
        idPrefix="edit"
        currentYear={2026}
      />,
    );
    expect(screen.getByLabelText("Expiration year")).toHaveValue("2025");
  });
});

describe("EditCardForm", () => {
  it("opens prefilled, refuses an expired date in the browser without calling the server, then saves", async () => {
    inLocale(
      "en",
      <OnePane>
        <OpenEdit label="Edit" />
        <EditCardForm accountId="acc" card={card} label="Mastercard •••• 4444" nowIso={NOW} />
      </OnePane>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    // In a pane on the right, named after the card.
    expect(screen.getByRole("dialog", { name: "Edit Mastercard •••• 4444" })).toBeVisible();
    const form = screen.getByRole("form", { name: "Edit Mastercard •••• 4444" });
    expect(within(form).getByLabelText("Name on card")).toHaveValue("Adele Vance");
    expect(within(form).getByLabelText("Postal code")).toHaveValue("98052");

    fireEvent.change(within(form).getByLabelText("Expiration month"), { target: { value: "10" } });
    fireEvent.change(within(form).getByLabelText("Expiration year"), { target: { value: "2026" } });
    fireEvent.submit(form);
    expect(await within(form).findByText("This card has expired. Use a card that is still valid.")).toBeVisible();
    expect(actions.editPaymentMethodAction).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText("Expiration year"), { target: { value: "2031" } });
    // The error goes as soon as the date is valid, before the next submit.
    expect(within(form).queryByText("This card has expired. Use a card that is still valid.")).toBeNull();
    fireEvent.change(within(form).getByLabelText("Name on card"), { target: { value: "Megan Bowen" } });
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    });
    expect(actions.editPaymentMethodAction).toHaveBeenCalledTimes(1);
    const sent = actions.editPaymentMethodAction.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(sent)).toEqual({
      accountId: "acc",
      paymentMethodId: "card-1",
      expMonth: "10",
      expYear: "2031",
      holderName: "Megan Bowen",
      country: "US",
      postalCode: "98052",
    });
    expect(await screen.findByRole("status")).toHaveTextContent("The card was updated.");
  });

  it("speaks French", () => {
    inLocale(
      "fr",
      <OnePane>
        <OpenEdit label="Modifier" />
        <EditCardForm accountId="acc" card={card} label="Mastercard •••• 4444" nowIso={NOW} />
      </OnePane>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Modifier" }));
    expect(screen.getByRole("dialog", { name: "Modifier Mastercard •••• 4444" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Enregistrer les modifications" })).toBeVisible();
  });
});

describe("ReplaceDefaultForm", () => {
  const cards = [
    { id: "card-2", brand: "visa", last4: "1881", expMonth: 10, expYear: 2030, expired: false, isDefault: false },
    { id: "card-3", brand: "visa", last4: "0005", expMonth: 1, expYear: 2025, expired: true, isDefault: false },
  ];

  it("opens Select a payment method's pane at once: another card (not an expired one) or a new one", async () => {
    inLocale(
      "en",
      <ReplaceDefaultForm
        accountId="acc"
        billingProfileId="P1"
        profileName="Contoso Engineering"
        cards={cards}
        nowIso={NOW}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Replace" }));
    const form = screen.getByRole("form", { name: "Replace the default payment method" });
    const submit = within(form).getByRole("button", { name: "Set as default" });
    expect(submit).toBeDisabled();
    let pane = screen.getByRole("dialog", { name: "Select a payment method" });
    expect(within(pane).getByRole("option", { name: /^Visa ending in 0005/ })).toHaveProperty("disabled", true);

    fireEvent.click(within(pane).getByRole("button", { name: "Add new payment method" }));
    expect(within(form).getByLabelText("Card number")).toBeVisible();
    fireEvent.submit(form);
    expect(await within(form).findByText("Enter the card number.")).toBeVisible();
    expect(actions.replaceDefaultPaymentMethodAction).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByRole("button", { name: "Select a payment method" }));
    pane = screen.getByRole("dialog", { name: "Select a payment method" });
    fireEvent.change(within(pane).getByRole("combobox"), { target: { value: "card-2" } });
    fireEvent.click(within(pane).getByRole("button", { name: "Select" }));
    expect(within(form).queryByLabelText("Card number")).toBeNull();
    expect(within(form).getByText("Visa ending in 1881, expires 10/2030")).toBeVisible();
    await act(async () => {
      fireEvent.click(submit);
    });
    const sent = actions.replaceDefaultPaymentMethodAction.mock.calls[0][1] as FormData;
    expect(sent.get("choice")).toBe("saved");
    expect(sent.get("paymentMethodId")).toBe("card-2");
    expect(await screen.findByRole("status")).toHaveTextContent("Replaced.");
  });

  it("closes again when its pane is dismissed with nothing chosen", () => {
    inLocale(
      "en",
      <ReplaceDefaultForm accountId="acc" billingProfileId="P1" profileName="P" cards={cards} nowIso={NOW} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Replace" }));
    fireEvent.click(
      within(screen.getByRole("dialog", { name: "Select a payment method" })).getByRole("button", { name: "Cancel" }),
    );
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("button", { name: "Replace" })).toBeVisible();
  });
});
