// The billing-profile table that Billing profiles and Payment methods both render: each row headed by the
// profile's name (a row header, for screen readers), an ID cell in the fixed-width face.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ProfileTable } from "@/components/ui/profile-table";

describe("ProfileTable", () => {
  it("heads each row with the profile's name and keeps the cells in the columns' order", () => {
    render(
      <ProfileTable
        columns={["Name", "ID", "Cards", "Actions"]}
        rows={[
          {
            id: "p1",
            name: "Contoso",
            nameHref: "/p1",
            cells: [
              { value: "p1", mono: true },
              { value: 2 },
              { link: { href: "/p1/cards", text: "Manage", label: "Manage Contoso" } },
            ],
          },
          { id: "p2", name: "Fabrikam", cells: [{ value: "p2", mono: true }, { value: 0 }, { value: "" }] },
        ]}
      />,
    );
    expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual([
      "Name",
      "ID",
      "Cards",
      "Actions",
    ]);
    const [first] = screen.getAllByRole("row").slice(1);
    expect(within(first).getByRole("rowheader").textContent).toBe("Contoso");
    const cells = within(first).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual(["p1", "2", "Manage"]);
    expect(within(first).getByRole("link", { name: "Contoso" }).getAttribute("href")).toBe("/p1");
    expect(within(first).getByRole("link", { name: "Manage Contoso" }).getAttribute("href")).toBe("/p1/cards");
    expect(cells[0].className).toContain("font-mono");
    expect(cells[1].className).toBe("px-3 py-2");
  });
});
