// The Invoices grid's rows as server-rendered HTML (rendered outside React for speed): every value escaped, text and attributes.
import { describe, expect, it } from "vitest";

import { gridRowsHtml, ID, packGridRows, unpackGridRows, type GridRowText } from "@/features/invoices/grid-rows-html";

const words = {
  select: `Select invoice ${ID}`,
  payNow: "Pay now",
  payNowLabel: `Pay now for invoice ${ID}`,
  download: `Download ${ID}`,
  menu: `More actions for invoice ${ID}`,
};

const row = (overrides: Partial<GridRowText> = {}): GridRowText => ({
  id: "G0000001",
  profile: "Contoso Engineering",
  invoiceDate: "Oct 5, 2026",
  dueDate: "Nov 4, 2026",
  period: "Sep 1, 2026 – Sep 30, 2026",
  total: "$1,234.56",
  amountDue: "$1,234.56",
  status: "due",
  statusLabel: "Due",
  payable: true,
  ...overrides,
});

function parse(html: string): HTMLTableSectionElement {
  const body = document.createElement("tbody");
  body.innerHTML = html;
  return body;
}

describe("gridRowsHtml", () => {
  it("writes a row's cells, links, box, download icon and menu button", () => {
    const body = parse(gridRowsHtml([row()], "/billing/a%3A1/invoices?status=due&page=2&invoice=", words));
    const cells = [...body.querySelectorAll("td")].map((cell) => cell.textContent);
    expect(cells).toEqual([
      "",
      "G0000001",
      "Contoso Engineering",
      "Oct 5, 2026",
      "Nov 4, 2026",
      "Sep 1, 2026 – Sep 30, 2026",
      "$1,234.56",
      "$1,234.56",
      "Due",
      "Pay now",
    ]);
    const [details, pay] = body.querySelectorAll("a");
    expect(details.getAttribute("href")).toBe(
      "/billing/a%3A1/invoices?status=due&page=2&invoice=G0000001&blade=details",
    );
    expect(pay.getAttribute("href")).toBe("/billing/a%3A1/invoices?status=due&page=2&invoice=G0000001&blade=pay");
    expect(pay.getAttribute("aria-label")).toBe("Pay now for invoice G0000001");
    const box = body.querySelector("input")!;
    expect([box.type, box.value, box.getAttribute("aria-label")]).toEqual([
      "checkbox",
      "G0000001",
      "Select invoice G0000001",
    ]);
    // At the end of the row: the download icon, then "…" (download-azure-invoice), each opening its menu.
    const [download, more] = body.querySelectorAll("button");
    expect([download.value, download.getAttribute("aria-label"), download.dataset.menu]).toEqual([
      "G0000001",
      "Download G0000001",
      "download",
    ]);
    expect(download.getAttribute("aria-haspopup")).toBe("menu");
    expect(more.value).toBe("G0000001");
    expect(more.getAttribute("aria-label")).toBe("More actions for invoice G0000001");
    expect(more.getAttribute("aria-haspopup")).toBe("menu");
  });

  it("leaves Pay now out of a row the policy does not offer it on", () => {
    const body = parse(gridRowsHtml([row({ payable: false })], "/i?invoice=", words));
    expect(body.querySelectorAll("a")).toHaveLength(1);
  });

  it("escapes names, words and links: markup stays text, quotes cannot leave an attribute", () => {
    const hostile = `"><img src=x onerror=alert(1)>`;
    const body = parse(
      gridRowsHtml([row({ id: `G1"x`, profile: hostile, statusLabel: "<b>Due</b>" })], `/i?q=${hostile}&invoice=`, {
        ...words,
        select: `${hostile} ${ID}`,
      }),
    );
    expect(body.querySelector("img, b")).toBeNull();
    expect(body.querySelectorAll("td")[2].textContent).toBe(hostile);
    expect(body.querySelector("input")!.value).toBe(`G1"x`);
    expect(body.querySelector("input")!.getAttribute("aria-label")).toBe(`${hostile} G1"x`);
    expect(body.querySelector("a")!.getAttribute("href")).toBe(`/i?q=${hostile}&invoice=G1%22x&blade=details`);
  });
});

describe("packGridRows", () => {
  it("carries each row's values without their names, and unpackGridRows gives the rows back", () => {
    const rows = [
      row(),
      row({ id: "G0000002", status: "paid", statusLabel: "Paid", amountDue: "$0.00", payable: false }),
    ];
    const packed = packGridRows(rows);
    expect(packed[1]).toEqual([
      "G0000002",
      "Contoso Engineering",
      "Oct 5, 2026",
      "Nov 4, 2026",
      "Sep 1, 2026 – Sep 30, 2026",
      "$1,234.56",
      "$0.00",
      "paid",
      "Paid",
      false,
    ]);
    expect(JSON.stringify(packed)).not.toContain("statusLabel");
    expect(unpackGridRows(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
  });
});
