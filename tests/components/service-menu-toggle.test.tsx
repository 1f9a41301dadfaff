// On a phone (below 768 px) the billing account's menu folds behind a Menu button, and folds again once a
// link has opened another blade; from 768 px its lists always show (the md: classes, checked in e2e).
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import { ServiceMenu } from "@/features/portal/components/service-menu";
import { catalogs } from "@/i18n/catalogs";

import { navigationState } from "../support/next-request";

const basePath = "/billing/acc%3A1_2019-05-31";
const menu = (locale: "en" | "fr" = "en") => (
  <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
    <ServiceMenu basePath={basePath} />
  </NextIntlClientProvider>
);

describe("ServiceMenu's toggle", () => {
  it("is a named button that shows and hides the menu's lists, folding again on another blade", () => {
    navigationState.pathname = `${basePath}/invoices`;
    const { rerender } = render(menu());
    const toggle = screen.getByRole("button", { name: "Menu" });
    const lists = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(lists).toContainElement(screen.getByRole("link", { name: "Invoices" }));
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(lists).toHaveClass("hidden", "md:block");

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(lists).not.toHaveClass("hidden");

    navigationState.pathname = `${basePath}/properties`;
    rerender(menu());
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(lists).toHaveClass("hidden");
  });

  it("is named in French too", () => {
    navigationState.pathname = basePath;
    render(menu("fr"));
    expect(screen.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("navigation", { name: "Menu Gestion des coûts + Facturation" })).toBeDefined();
  });
});
