// The Invoices grid's filters keep to the view in the URL: Reset filters resets the controls too (not only
// the grid), and a custom date range that matches nothing, or is left open, says so instead of passing
// in silence. The grid's empty state says why it is empty.
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import { InvoiceFiltersBar } from "@/features/invoices/components/invoice-filters-bar";
import { InvoicesGrid } from "@/features/invoices/components/invoices-grid";
import { parseInvoiceFilters, rangeProblem } from "@/features/invoices/filters";
import { catalogs } from "@/i18n/catalogs";

const bar = (query: Record<string, string>, locale: "en" | "fr" = "en") => (
  <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
    <InvoiceFiltersBar basePath="invoices" filters={parseInvoiceFilters(query)} profiles={[]} />
  </NextIntlClientProvider>
);

describe("Reset filters", () => {
  it("puts the controls back to the defaults, not only the URL and the grid", () => {
    const { rerender } = render(bar({ status: "paid", timespan: "24m", q: "G0115" }));
    expect(screen.getByLabelText("Status")).toHaveValue("paid");
    // The user changes a control, then resets: the page is rendered again for the URL with no filters.
    fireEvent.change(screen.getByLabelText("Timespan"), { target: { value: "3m" } });
    rerender(bar({}));
    expect(screen.getByLabelText("Status")).toHaveValue("all");
    expect(screen.getByLabelText("Timespan")).toHaveValue("12m");
    expect(screen.getByLabelText("Search by invoice ID")).toHaveValue("");
    // A later Apply sends the defaults: nothing filters the grid again behind the user's back.
    expect(screen.getByRole("form", { name: "Filters" })).toHaveFormValues({ status: "all", timespan: "12m", q: "" });
  });
});

describe("a custom date range", () => {
  it("whose start is after its end is an error tied to both dates", () => {
    render(bar({ timespan: "custom", from: "2026-10-01", to: "2026-09-01" }));
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("The start date is after the end date");
    for (const label of ["Start date", "End date"]) {
      expect(screen.getByLabelText(label)).toHaveAttribute("aria-invalid", "true");
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(/The start date is after the end date/);
    }
  });

  it("with no dates, or one, says what it shows (en and fr)", () => {
    const { unmount } = render(bar({ timespan: "custom" }));
    expect(screen.getByRole("status")).toHaveTextContent("No dates entered: invoices of every date are shown.");
    expect(screen.queryByRole("alert")).toBeNull();
    unmount();
    render(bar({ timespan: "custom", from: "2026-01-01" }, "fr"));
    expect(screen.getByRole("status")).toHaveTextContent("Une seule date saisie");
  });

  it("says nothing when it is whole, or when the timespan is not custom", () => {
    render(bar({ timespan: "custom", from: "2026-01-01", to: "2026-01-01" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    expect(rangeProblem(parseInvoiceFilters({ timespan: "12m", from: "2026-02-01", to: "2026-01-01" }))).toBeNull();
    expect(rangeProblem(parseInvoiceFilters({ timespan: "custom", from: "2026-02-01", to: "2026-01-01" }))).toBe(
      "order",
    );
  });
});

describe("an empty grid", () => {
  it("says that no invoice matches, as a status", () => {
    render(
      <NextIntlClientProvider locale="en" messages={catalogs.en} timeZone="UTC">
        <InvoicesGrid
          basePath="invoices"
          invoices={[]}
          filters={parseInvoiceFilters({ status: "void" })}
          access={{ role: "BILLING_ACCOUNT_ADMIN", agreementType: "MCA" }}
          accountId="acc"
        />
      </NextIntlClientProvider>,
    );
    expect(screen.getByText(/^No invoices match these filters/)).toHaveAttribute("role", "status");
    // Download, with nothing to select, is disabled (its look: globals.css .btn-subtle, checked in e2e).
    expect(screen.getByRole("button", { name: "Download" })).toBeDisabled();
  });
});
