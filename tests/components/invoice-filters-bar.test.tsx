// The Invoices grid's filters: a plain GET form that states the current view, the billing-profile
// list included (every profile of the account, the chosen one selected; none when there is one).
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import { InvoiceFiltersBar } from "@/features/invoices/components/invoice-filters-bar";
import { parseInvoiceFilters } from "@/features/invoices/filters";
import { catalogs } from "@/i18n/catalogs";

const profiles = [
  { id: "AB12-CD34-EF5-678", name: "Contoso Engineering" },
  { id: "9A8B-7C6D-5E4-F32", name: "Contoso Finance" },
];

function renderBar(query: Record<string, string>, accountProfiles = profiles) {
  return render(
    <NextIntlClientProvider locale="en" messages={catalogs.en} timeZone="UTC">
      <InvoiceFiltersBar basePath="invoices" filters={parseInvoiceFilters(query)} profiles={accountProfiles} />
    </NextIntlClientProvider>,
  );
}

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((option) => [option.textContent, (option as HTMLOptionElement).value]);

describe("InvoiceFiltersBar", () => {
  it("lists every billing profile of the account after All billing profiles, with the chosen one selected", () => {
    renderBar({ profile: profiles[1].id, status: "pastDue", timespan: "24m", sort: "amount" });
    const select = screen.getByLabelText("Billing profile");
    expect(options(select)).toEqual([
      ["All billing profiles", ""],
      ["Contoso Engineering", profiles[0].id],
      ["Contoso Finance", profiles[1].id],
    ]);
    expect(select).toHaveValue(profiles[1].id);
    expect(screen.getByLabelText("Status")).toHaveValue("pastDue");
    expect(screen.getByLabelText("Timespan")).toHaveValue("24m");
    // The GET form keeps the sort when the filters change, and goes to the blade's own address.
    const form = screen.getByRole("form", { name: "Filters" });
    expect(form).toHaveAttribute("method", "get");
    expect(form).toHaveAttribute("action", "invoices");
    expect(form).toHaveFormValues({ profile: profiles[1].id, status: "pastDue", sort: "amount", dir: "desc" });
  });

  it("starts on All billing profiles, and offers no profile filter to an account with one profile", () => {
    const { unmount } = renderBar({});
    expect(screen.getByLabelText("Billing profile")).toHaveValue("");
    unmount();
    renderBar({}, profiles.slice(0, 1));
    expect(screen.queryByLabelText("Billing profile")).toBeNull();
    expect(screen.getByLabelText("Status")).toHaveValue("all");
  });
});
