// The billing account's left menu: plain links that open in place, the current blade marked.
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import { ServiceMenu } from "@/features/portal/components/service-menu";
import { catalogs } from "@/i18n/catalogs";

import { navigationState, router } from "../support/next-request";

const basePath = "/billing/acc%3A1_2019-05-31";

describe("ServiceMenu", () => {
  it("marks the current blade and opens the others in place", () => {
    navigationState.pathname = `${basePath}/invoices`;
    render(
      <NextIntlClientProvider locale="en" messages={catalogs.en} timeZone="UTC">
        <ServiceMenu basePath={basePath} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("link", { name: "Invoices" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Payment methods" })).not.toHaveAttribute("aria-current");
    expect(fireEvent.click(screen.getByRole("link", { name: "Payment methods" }))).toBe(false); // default prevented
    expect(router.push).toHaveBeenLastCalledWith(`${basePath}/payment-methods`, { scroll: false });
    expect(fireEvent.click(screen.getByRole("link", { name: "Billing profiles" }), { ctrlKey: true })).toBe(true);
    expect(router.push).toHaveBeenCalledTimes(1);
  });
});
