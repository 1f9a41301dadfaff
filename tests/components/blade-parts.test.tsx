// The pieces every blade shares: the billing account blade's header (breadcrumb and
// heading) and the portal's toasts.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { cloneElement, isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";

import { DismissibleToast, Toast } from "@/components/ui/toast";
import { showToast, Toaster } from "@/components/ui/toaster";
import { BillingAccountBlade } from "@/features/access/components/billing-account-blade";
import { catalogs } from "@/i18n/catalogs";

import { resetNextRequest, router } from "../support/next-request";

/** Awaits the async server components of a tree (as React's server renderer would), leaving the rest to React. */
async function resolveServer(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveServer));
  if (!isValidElement<{ children?: ReactNode }>(node)) return node;
  if (typeof node.type === "function" && node.type.constructor.name === "AsyncFunction")
    return resolveServer(await (node.type as (props: unknown) => Promise<ReactNode>)(node.props));
  if (node.props.children === undefined) return node;
  return cloneElement(node, undefined, await resolveServer(node.props.children));
}

async function renderServer(ui: ReactNode, locale: "en" | "fr" = "en") {
  resetNextRequest({ cookies: { portal_locale: locale } });
  const resolved = await resolveServer(ui);
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      {resolved}
    </NextIntlClientProvider>,
  );
}

const account = { id: "acc:1_2019-05-31", name: "Contoso Ltd" };

/** The account's Invoices blade, with stand-in content. */
const renderInvoicesBlade = () =>
  renderServer(
    <BillingAccountBlade account={account} title="Invoices">
      <p>grid</p>
    </BillingAccountBlade>,
  );

describe("BillingAccountBlade", () => {
  it("opens with Home › Cost Management + Billing › account › blade and the heading account | blade", async () => {
    await renderInvoicesBlade();
    const crumbs = within(screen.getByRole("navigation", { name: "Breadcrumb" }));
    expect(crumbs.getByRole("link", { name: "Home" })).toHaveAttribute("href", "/");
    expect(crumbs.getByRole("link", { name: "Cost Management + Billing" })).toHaveAttribute("href", "/billing");
    expect(crumbs.getByRole("link", { name: "Contoso Ltd" })).toHaveAttribute("href", "/billing/acc%3A1_2019-05-31");
    expect(crumbs.getByText("Invoices")).toHaveAttribute("aria-current", "page");
    const main = within(screen.getByRole("main"));
    expect(main.getByRole("heading", { level: 1, name: "Contoso Ltd | Invoices" })).toBeInTheDocument();
    expect(main.getByText("grid")).toBeInTheDocument();
  });

  it("opens a crumb in place, without a reload or a scroll", async () => {
    await renderInvoicesBlade();
    const crumbs = within(screen.getByRole("navigation", { name: "Breadcrumb" }));
    expect(fireEvent.click(crumbs.getByRole("link", { name: "Contoso Ltd" }))).toBe(false); // default prevented
    expect(router.push).toHaveBeenLastCalledWith("/billing/acc%3A1_2019-05-31", { scroll: false });
  });

  it("ends the Overview's breadcrumb at the account", async () => {
    await renderServer(
      <BillingAccountBlade account={account} title="Overview" overview>
        <p>figures</p>
      </BillingAccountBlade>,
    );
    const crumbs = within(screen.getByRole("navigation", { name: "Breadcrumb" }));
    expect(crumbs.getByText("Contoso Ltd")).toHaveAttribute("aria-current", "page");
    expect(crumbs.queryByText("Overview")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Contoso Ltd | Overview" })).toBeInTheDocument();
  });

  it("speaks French", async () => {
    await renderServer(
      <BillingAccountBlade account={account} title="Factures">
        <p>grille</p>
      </BillingAccountBlade>,
      "fr",
    );
    expect(screen.getByRole("link", { name: "Gestion des coûts + Facturation" })).toBeInTheDocument();
  });
});

describe("toasts", () => {
  it("Toast shows the message and closes with its button", async () => {
    const closed: string[] = [];
    render(<Toast message="Payment of $10.00 succeeded." closeLabel="Close" onDismiss={() => closed.push("x")} />);
    expect(screen.getByText("Payment of $10.00 succeeded.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(closed).toEqual(["x"]);
  });

  it("DismissibleToast (after Pay now's redirect) is announced and goes when closed", async () => {
    render(
      <NextIntlClientProvider locale="en" messages={catalogs.en} timeZone="UTC">
        <DismissibleToast message="Payment of $10.00 for invoice G1 succeeded." />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Payment of $10.00 for invoice G1 succeeded.");
    await userEvent.click(screen.getByRole("button", { name: catalogs.en.common.close }));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("Toaster shows what showToast sends, in the same toast", async () => {
    render(<Toaster closeLabel="Close" />);
    act(() => showToast("Payment of $5.00 succeeded."));
    expect(screen.getByRole("status")).toHaveTextContent("Payment of $5.00 succeeded.");
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });
});
