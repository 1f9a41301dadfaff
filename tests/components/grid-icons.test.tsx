// The Invoices grid's icons as one static file (one request, cached): the committed file is exactly what
// the icon components draw, and every icon a row refers to is in it.
import fs from "node:fs";
import path from "node:path";

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { GridIconsDocument } from "@/features/invoices/components/grid-icons";
import {
  GRID_ICONS_FILE,
  gridIconHref,
  ROW_DOWNLOAD_ICON,
  ROW_MENU_ICON,
  statusIconId,
} from "@/features/invoices/grid-icon-refs";
import { gridRowsHtml } from "@/features/invoices/grid-rows-html";
import { invoiceStatuses } from "@/lib/invoice-status";

const committed = fs.readFileSync(path.join(process.cwd(), "public", GRID_ICONS_FILE), "utf8");

describe("public/invoice-grid-icons.svg", () => {
  it("is the icons' current markup (run `npm run icons` after changing them)", () => {
    expect(committed).toBe(`${renderToStaticMarkup(<GridIconsDocument />)}\n`);
  });

  it("holds a symbol for each status, the row's download icon and its menu, painted in the <use>'s colour", () => {
    const doc = new DOMParser().parseFromString(committed, "image/svg+xml");
    const ids = [...doc.querySelectorAll("symbol")].map((symbol) => symbol.id);
    expect(ids).toEqual([...invoiceStatuses.map(statusIconId), ROW_DOWNLOAD_ICON, ROW_MENU_ICON]);
    for (const symbol of doc.querySelectorAll("symbol"))
      expect(symbol.querySelector("svg")?.getAttribute("fill")).toBe("currentColor");
  });

  it("is where the rows' icons point", () => {
    const html = gridRowsHtml(
      invoiceStatuses.map((status, index) => ({
        id: `G${index}`,
        profile: "P",
        invoiceDate: "d",
        dueDate: "d",
        period: "p",
        total: "t",
        amountDue: "a",
        status,
        statusLabel: status,
        payable: false,
      })),
      "?invoice=",
      { select: "s", payNow: "p", payNowLabel: "p", download: "d", menu: "m" },
    );
    const body = document.createElement("tbody");
    body.innerHTML = html;
    const hrefs = new Set([...body.querySelectorAll("use")].map((use) => use.getAttribute("href")));
    expect(hrefs).toEqual(
      new Set([...invoiceStatuses.map(statusIconId), ROW_DOWNLOAD_ICON, ROW_MENU_ICON].map(gridIconHref)),
    );
    expect(gridIconHref(ROW_MENU_ICON)).toBe(`/${GRID_ICONS_FILE}#${ROW_MENU_ICON}`);
  });
});
