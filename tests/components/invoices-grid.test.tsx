import { fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import { InPlaceLinks } from "@/components/ui/in-place-links";
import type { BillingAccess } from "@/features/access/policy";
import { InvoicesGrid } from "@/features/invoices/components/invoices-grid";
import { parseInvoiceFilters } from "@/features/invoices/filters";
import type { GridInvoice } from "@/features/invoices/grid-query";
import { catalogs } from "@/i18n/catalogs";
import { invoiceStatuses, type InvoiceStatus } from "@/lib/invoice-status";

import { router } from "../support/next-request";

const en = catalogs.en;
const basePath = "/billing/acc%3A1/invoices";

/** Where a row's link leads from the blade's own page: the rows' links are relative to it. */
function target(link: HTMLElement): string {
  const url = new URL(link.getAttribute("href")!, `https://portal.test${basePath}`);
  return url.pathname + url.search;
}

function row(id: string, status: InvoiceStatus, overrides: Partial<GridInvoice> = {}): GridInvoice {
  const totalMinor = 123_456;
  const amountDueMinor = {
    due: totalMinor,
    pastDue: totalMinor,
    partiallyPaid: 50_000,
    processing: 0,
    paid: 0,
    void: 0,
  }[status];
  return {
    id,
    invoiceDate: new Date("2026-10-05T00:00:00.000Z"),
    dueDate: new Date("2026-11-04T00:00:00.000Z"),
    periodStart: new Date("2026-09-01T00:00:00.000Z"),
    periodEnd: new Date("2026-09-30T00:00:00.000Z"),
    currency: "USD",
    totalMinor,
    amountDueMinor,
    voided: status === "void",
    billingProfileId: "PROFILE-1",
    billingProfile: { name: "Contoso Engineering" },
    status,
    ...overrides,
  };
}

// One row per status, named after it.
const rows = invoiceStatuses.map((status, index) => row(`G0000000${index}`, status));
const idOf = (status: InvoiceStatus) => rows.find((invoice) => invoice.status === status)!.id;

const admin: BillingAccess = { role: "BILLING_ACCOUNT_ADMIN", agreementType: "MCA" };
const reader: BillingAccess = { role: "BILLING_ACCOUNT_READER", agreementType: "MCA" };

/** `canPay`: the admin of an MCA account; else its reader. */
function renderGrid(props: {
  canPay: boolean;
  rows?: GridInvoice[];
  access?: BillingAccess;
  inPlace?: boolean;
  subscriptions?: Record<string, string>;
}) {
  const grid = (
    <InvoicesGrid
      basePath={basePath}
      invoices={props.rows ?? rows}
      filters={parseInvoiceFilters({})}
      access={props.access ?? (props.canPay ? admin : reader)}
      accountId="acc:1"
      subscriptions={props.subscriptions}
    />
  );
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      {props.inPlace ? <InPlaceLinks>{grid}</InPlaceLinks> : grid}
    </NextIntlClientProvider>,
  );
}

function rowFor(id: string): HTMLElement {
  return screen.getByRole("link", { name: id }).closest("tr")!;
}

describe("InvoicesGrid", () => {
  it("shows every column header", () => {
    renderGrid({ canPay: true });
    // The sorted column carries an arrow after its label.
    const headers = screen
      .getAllByRole("columnheader")
      .map((header) => header.textContent?.replace(/[↑↓]/g, "").trim());
    for (const key of [
      "invoiceId",
      "billingProfile",
      "invoiceDate",
      "dueDate",
      "billingPeriod",
      "total",
      "amountDue",
      "status",
      "actions",
    ] as const) {
      expect(headers).toContain(en.invoices.columns[key]);
    }
    // …after the select-all box of the selection column.
    expect(headers).toHaveLength(10);
    expect(screen.getAllByRole("columnheader")[0]).toContainElement(
      screen.getByRole("checkbox", { name: "Select all invoices on this page" }),
    );
  });

  it("makes the date and amount columns sortable links", () => {
    renderGrid({ canPay: true });
    for (const column of [en.invoices.columns.invoiceDate, en.invoices.columns.dueDate, en.invoices.columns.total]) {
      expect(screen.getByRole("link", { name: `Sort by ${column}` })).toHaveAttribute(
        "href",
        expect.stringContaining(basePath),
      );
    }
    // The default view is sorted by invoice date, newest first.
    expect(screen.getByRole("columnheader", { name: /Invoice date/ })).toHaveAttribute("aria-sort", "descending");
  });

  it("writes each row's status in words", () => {
    renderGrid({ canPay: true });
    for (const status of invoiceStatuses) {
      expect(within(rowFor(idOf(status))).getByText(en.invoices.status[status])).toBeInTheDocument();
    }
  });

  it("shows the row's figures formatted for en-US", () => {
    renderGrid({ canPay: true });
    const partial = within(rowFor(idOf("partiallyPaid")));
    expect(partial.getByText("$1,234.56")).toBeInTheDocument();
    expect(partial.getByText("$500.00")).toBeInTheDocument();
    expect(partial.getByText("Oct 5, 2026")).toBeInTheDocument();
    expect(partial.getByText("Nov 4, 2026")).toBeInTheDocument();
    expect(partial.getByText("Sep 1, 2026 – Sep 30, 2026")).toBeInTheDocument();
    expect(partial.getByText("Contoso Engineering")).toBeInTheDocument();
  });

  it("offers Pay now exactly on the due, past due and partially paid rows when the user can pay", () => {
    renderGrid({ canPay: true });
    const payLinks = screen.getAllByRole("link", { name: /^Pay now for invoice/ });
    expect(payLinks).toHaveLength(3);
    for (const status of invoiceStatuses) {
      const link = within(rowFor(idOf(status))).queryByRole("link", { name: /^Pay now/ });
      if (status === "due" || status === "pastDue" || status === "partiallyPaid") {
        expect(link, status).toHaveTextContent(en.invoices.payNow);
        expect(target(link!)).toBe(`${basePath}?invoice=${idOf(status)}&blade=pay`);
        expect(link).toHaveAccessibleName(`Pay now for invoice ${idOf(status)}`);
      } else {
        expect(link, status).toBeNull();
      }
    }
  });

  it("shows no Pay now link at all when the user may not pay", () => {
    renderGrid({ canPay: false });
    expect(screen.queryAllByRole("link", { name: /Pay now/ })).toHaveLength(0);
    expect(screen.queryByText(en.invoices.payNow)).toBeNull();
  });

  it("reads Payment processing, with no Pay now, while the balance is covered by a pending payment", () => {
    renderGrid({ canPay: true });
    const processing = within(rowFor(idOf("processing")));
    expect(processing.getByText("Payment processing")).toBeInTheDocument();
    expect(processing.getByText("$0.00")).toBeInTheDocument();
    expect(processing.queryByText("Paid")).toBeNull();
    expect(processing.queryByRole("link", { name: /Pay now/ })).toBeNull();
  });

  it("reads Paiement en cours de traitement in French", () => {
    render(
      <NextIntlClientProvider locale="fr" messages={catalogs.fr} timeZone="UTC">
        <InvoicesGrid
          basePath={basePath}
          invoices={[row("G00000011", "processing")]}
          filters={parseInvoiceFilters({})}
          access={admin}
          accountId="acc:1"
        />
      </NextIntlClientProvider>,
    );
    const processing = within(rowFor("G00000011"));
    expect(processing.getByText("Paiement en cours de traitement")).toBeInTheDocument();
    expect(processing.queryByRole("link", { name: /Payer maintenant/ })).toBeNull();
  });

  it("shows no Pay now to the admin of an account not paid with Pay now (MOSP, EA)", () => {
    renderGrid({ canPay: true, access: { role: "BILLING_ACCOUNT_ADMIN", agreementType: "MOSP" } });
    expect(screen.queryAllByRole("link", { name: /Pay now/ })).toHaveLength(0);
  });

  it("still offers Pay now above the card limit (the blade gives wire-transfer instructions)", () => {
    renderGrid({ canPay: true, rows: [row("G00000010", "due", { totalMinor: 72_450_00, amountDueMinor: 72_450_00 })] });
    expect(screen.getByRole("link", { name: "Pay now for invoice G00000010" })).toBeInTheDocument();
  });

  it("ends each row with a download icon whose menu holds the invoice (download-azure-invoice)", () => {
    renderGrid({ canPay: false });
    const id = idOf("paid");
    const icon = within(rowFor(id)).getByRole("button", { name: `Download ${id}` });
    expect(icon).toHaveAttribute("aria-haspopup", "menu");
    fireEvent.click(icon);
    expect(icon).toHaveAttribute("aria-expanded", "true");
    const menu = screen.getByRole("menu", { name: `Download ${id}` });
    // No tax document: the simulator issues none (docs/fidelity.md).
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Invoice"]);
    expect(within(menu).getByRole("menuitem", { name: "Invoice" })).toHaveAttribute(
      "href",
      `/api/billing/acc%3A1/invoices/${id}/pdf`,
    );
    // The "…" of the same row opens its own menu instead.
    fireEvent.click(within(rowFor(id)).getByRole("button", { name: `More actions for invoice ${id}` }));
    expect(
      within(screen.getByRole("menu", { name: `More actions for invoice ${id}` }))
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Invoice", "Prepare Azure usage file"]);
  });

  it("names each invoice's subscription, and no billing profile, on a pay-as-you-go (MOSP) account", () => {
    renderGrid({
      canPay: false,
      access: { role: "BILLING_ACCOUNT_ADMIN", agreementType: "MOSP", country: "LU" },
      subscriptions: { "PROFILE-1": "Azure subscription 1" },
    });
    const headers = screen.getAllByRole("columnheader").map((header) => header.textContent);
    expect(headers).toContain("Subscription");
    expect(headers).not.toContain("Billing profile");
    expect(within(rowFor(idOf("due"))).getByRole("cell", { name: "Azure subscription 1" })).toBeVisible();
    expect(screen.queryByRole("cell", { name: "Contoso Engineering" })).toBeNull();
  });

  it("links every row to its details blade and its PDF", () => {
    renderGrid({ canPay: false });
    for (const invoice of rows) {
      expect(target(screen.getByRole("link", { name: invoice.id }))).toBe(
        `${basePath}?invoice=${invoice.id}&blade=details`,
      );
      // PDF and usage file under the row's "…" menu, as in the portal.
      fireEvent.click(
        within(rowFor(invoice.id)).getByRole("button", { name: `More actions for invoice ${invoice.id}` }),
      );
      const menu = screen.getByRole("menu", { name: `More actions for invoice ${invoice.id}` });
      const pdf = within(menu).getByRole("menuitem", { name: "Invoice" });
      expect(pdf).toHaveAttribute("href", `/api/billing/acc%3A1/invoices/${invoice.id}/pdf`);
      expect(pdf).toHaveAttribute("download");
      const usage = within(menu).getByRole("menuitem", { name: "Prepare Azure usage file" });
      expect(usage).toHaveAttribute("href", `/api/billing/acc%3A1/invoices/${invoice.id}/usage`);
      expect(usage).toHaveAttribute("download");
      fireEvent.click(pdf);
      expect(screen.queryByRole("menu")).toBeNull();
    }
  });

  it("says so when no invoice matches", () => {
    renderGrid({ canPay: true, rows: [] });
    expect(screen.getByText(en.invoices.empty)).toBeInTheDocument();
    expect(screen.queryAllByRole("row")).toHaveLength(1); // the header row only
    expect(screen.getByRole("checkbox", { name: "Select all invoices on this page" })).toBeDisabled();
  });

  it("renders markup in names as text", () => {
    renderGrid({
      canPay: true,
      rows: [row("G00000009", "due", { billingProfile: { name: "<img src=x onerror=alert(1)>" } })],
    });
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });
});

describe("InvoicesGrid in a filtered view", () => {
  it("keeps the view's filters in the details and Pay now links", () => {
    render(
      <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
        <InvoicesGrid
          basePath={basePath}
          invoices={[row("G00000001", "pastDue")]}
          filters={parseInvoiceFilters({ status: "pastDue", page: "3" })}
          access={admin}
          accountId="acc:1"
        />
      </NextIntlClientProvider>,
    );
    expect(target(screen.getByRole("link", { name: "G00000001" }))).toBe(
      `${basePath}?status=pastDue&page=3&invoice=G00000001&blade=details`,
    );
    expect(target(screen.getByRole("link", { name: "Pay now for invoice G00000001" }))).toBe(
      `${basePath}?status=pastDue&page=3&invoice=G00000001&blade=pay`,
    );
  });
});

describe("InvoicesGrid row links", () => {
  it("open the details and Pay now blades in place, without a reload or a scroll", () => {
    // The blade's links open in place through its InPlaceLinks, on the blade's own address.
    window.history.replaceState(null, "", basePath);
    renderGrid({ canPay: true, inPlace: true });
    const pastDue = idOf("pastDue");
    expect(fireEvent.click(screen.getByRole("link", { name: pastDue }))).toBe(false); // default prevented
    expect(router.push).toHaveBeenLastCalledWith(`${basePath}?invoice=${pastDue}&blade=details`, { scroll: false });
    fireEvent.click(screen.getByRole("link", { name: `Pay now for invoice ${pastDue}` }));
    expect(router.push).toHaveBeenLastCalledWith(`${basePath}?invoice=${pastDue}&blade=pay`, { scroll: false });
  });

  it("leave a new tab, a modified click and the PDF download to the browser", () => {
    renderGrid({ canPay: true, inPlace: true });
    const id = idOf("due");
    expect(fireEvent.click(screen.getByRole("link", { name: id }), { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole("link", { name: id }), { button: 1 })).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: `More actions for invoice ${id}` }));
    expect(fireEvent.click(screen.getByRole("menuitem", { name: "Invoice" }))).toBe(true);
    expect(router.push).not.toHaveBeenCalled();
  });
});

describe("InvoicesGrid selection and Download", () => {
  const download = () => screen.getByRole("button", { name: "Download" });
  const downloadLink = () => screen.getByRole("link", { name: "Download" });
  const box = (id: string) => screen.getByRole("checkbox", { name: `Select invoice ${id}` });
  const all = () => screen.getByRole("checkbox", { name: "Select all invoices on this page" });

  it("gives every row a labelled selection box, none checked, and a disabled Download", () => {
    renderGrid({ canPay: false });
    for (const invoice of rows) expect(box(invoice.id)).not.toBeChecked();
    expect(download()).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("No invoices selected");
  });

  it("downloads one selected invoice as its PDF", () => {
    renderGrid({ canPay: false });
    fireEvent.click(box(idOf("paid")));
    expect(downloadLink()).toHaveAttribute("href", `/api/billing/acc%3A1/invoices/${idOf("paid")}/pdf`);
    expect(downloadLink()).toHaveAttribute("download");
    expect(screen.getByRole("status")).toHaveTextContent("1 invoice selected");
  });

  it("downloads several selected invoices as one ZIP, in the order they were selected", () => {
    renderGrid({ canPay: false });
    for (const status of ["void", "due", "paid"] as const) fireEvent.click(box(idOf(status)));
    const href = new URL(downloadLink().getAttribute("href")!, "http://portal.test");
    expect(href.pathname).toBe("/api/billing/acc%3A1/invoices/download");
    expect(href.searchParams.getAll("invoice")).toEqual([idOf("void"), idOf("due"), idOf("paid")]);
    expect(screen.getByRole("status")).toHaveTextContent("3 invoices selected");
    expect(all()).toBePartiallyChecked();

    // Unselecting one leaves the others.
    fireEvent.click(box(idOf("due")));
    expect(new URL(downloadLink().getAttribute("href")!, "http://portal.test").searchParams.getAll("invoice")).toEqual([
      idOf("void"),
      idOf("paid"),
    ]);
  });

  it("selects and clears the whole page with the select-all box", () => {
    renderGrid({ canPay: false });
    fireEvent.click(all());
    for (const invoice of rows) expect(box(invoice.id)).toBeChecked();
    expect(all()).toBeChecked();
    expect(screen.getByRole("status")).toHaveTextContent(`${rows.length} invoices selected`);
    fireEvent.click(all());
    for (const invoice of rows) expect(box(invoice.id)).not.toBeChecked();
    expect(download()).toBeDisabled();
  });

  it("keeps a selection box click from opening anything", () => {
    renderGrid({ canPay: true });
    fireEvent.click(box(idOf("due")));
    expect(router.push).not.toHaveBeenCalled();
  });
});

describe("InvoicesGrid row menu", () => {
  it("opens one menu at a time, moves with the arrow keys and closes on Escape with focus back on its button", () => {
    renderGrid({ canPay: false });
    const [first, second] = rows;
    const firstButton = screen.getByRole("button", { name: `More actions for invoice ${first.id}` });
    fireEvent.click(firstButton);
    expect(firstButton).toHaveAttribute("aria-expanded", "true");
    const pdf = screen.getByRole("menuitem", { name: "Invoice" });
    expect(pdf).toHaveFocus();
    fireEvent.keyDown(pdf, { key: "ArrowDown" });
    expect(screen.getByRole("menuitem", { name: "Prepare Azure usage file" })).toHaveFocus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(pdf).toHaveFocus(); // wraps around
    fireEvent.keyDown(pdf, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(firstButton).toHaveFocus();

    fireEvent.click(firstButton);
    fireEvent.click(screen.getByRole("button", { name: `More actions for invoice ${second.id}` }));
    expect(screen.getAllByRole("menu")).toHaveLength(1);
    expect(screen.getByRole("menu")).toHaveAccessibleName(`More actions for invoice ${second.id}`);
  });
});
