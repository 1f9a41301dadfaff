// InPlaceLinks: one delegated handler opens the plain links inside it in place, as
// next/link would, and leaves to the browser what a person expects the browser to do.
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { InPlaceLinks } from "@/components/ui/in-place-links";

import { router } from "../support/next-request";

const blade = "/billing/acc%3A1/invoices";

function renderLinks() {
  render(
    <InPlaceLinks>
      <a href={`${blade}?sort=amount&dir=desc`}>Sort by Total</a>
      <a href="?page=2">Next</a>
      <a href="#main">Skip</a>
      <a href="https://learn.microsoft.com/azure/cost-management-billing/">Learn more</a>
      <a href="/api/billing/acc%3A1/invoices/G1/pdf" download>
        Download PDF
      </a>
      <a href={`${blade}?page=3`} target="_blank" rel="noreferrer">
        In a new tab
      </a>
      <button type="button">Not a link</button>
    </InPlaceLinks>,
  );
}

describe("InPlaceLinks", () => {
  beforeEach(() => window.history.replaceState(null, "", `${blade}?status=due`));

  it("opens this site's links in place, without a reload or a scroll, relative ones from the page's address", () => {
    renderLinks();
    expect(fireEvent.click(screen.getByRole("link", { name: "Sort by Total" }))).toBe(false); // default prevented
    expect(router.push).toHaveBeenLastCalledWith(`${blade}?sort=amount&dir=desc`, { scroll: false });
    fireEvent.click(screen.getByRole("link", { name: "Next" }));
    expect(router.push).toHaveBeenLastCalledWith(`${blade}?page=2`, { scroll: false });
    expect(router.push).toHaveBeenCalledTimes(2);
  });

  it("leaves other sites, fragments, downloads, new tabs, modified clicks and non-links to the browser", () => {
    renderLinks();
    for (const name of ["Skip", "Learn more", "Download PDF", "In a new tab"])
      expect(fireEvent.click(screen.getByRole("link", { name })), name).toBe(true);
    expect(fireEvent.click(screen.getByRole("link", { name: "Next" }), { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole("link", { name: "Next" }), { metaKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole("link", { name: "Next" }), { shiftKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole("link", { name: "Next" }), { button: 1 })).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Not a link" }));
    expect(router.push).not.toHaveBeenCalled();
  });
});
