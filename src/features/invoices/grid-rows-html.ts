import escapeHtml from "escape-html";

import type { InvoiceStatus } from "@/lib/invoice-status";

import { gridIconHref, ROW_DOWNLOAD_ICON, ROW_MENU_ICON, statusIconClass, statusIconId } from "./grid-icon-refs";

/** One grid row, formatted in the reader's language. */
export type GridRowText = {
  id: string;
  profile: string;
  invoiceDate: string;
  dueDate: string;
  period: string;
  total: string;
  amountDue: string;
  status: InvoiceStatus;
  statusLabel: string;
  /** Pay now shows on this row (the policy offers it to this user). */
  payable: boolean;
};

/** The order of a row's values in its packed form. */
const FIELDS = [
  "id",
  "profile",
  "invoiceDate",
  "dueDate",
  "period",
  "total",
  "amountDue",
  "status",
  "statusLabel",
  "payable",
] as const satisfies readonly (keyof GridRowText)[];

/** A row as the RSC payload carries it: its values in FIELDS order. */
export type PackedGridRow = {
  -readonly [K in keyof typeof FIELDS]: (typeof FIELDS)[K] extends keyof GridRowText
    ? GridRowText[(typeof FIELDS)[K]]
    : never;
};

/**
 * The rows for the RSC payload: each row's values without their names, which an object would
 * repeat in every row (~2 KB of a 20-row page's ~5 KB of words, written into the payload and again,
 * escaped, into the HTML).
 */
export function packGridRows(rows: GridRowText[]): PackedGridRow[] {
  return rows.map((row) => FIELDS.map((field) => row[field]) as unknown as PackedGridRow);
}

/** The rows back from their packed form (packGridRows). */
export function unpackGridRows(rows: PackedGridRow[]): GridRowText[] {
  return rows.map((values) => Object.fromEntries(FIELDS.map((field, i) => [field, values[i]])) as GridRowText);
}

/** The per-row words, formatted once per page: `ID` marks where each row's invoice ID goes. */
export type GridRowWords = { select: string; payNow: string; payNowLabel: string; download: string; menu: string };
export const ID = "\u0000";

const text = (value: string) => escapeHtml(value);
const withId = (template: string, id: string) => escapeHtml(template.split(ID).join(id));

/**
 * The grid's rows as HTML, for the body of the table (InvoiceGridControls). Each value is escaped
 * (escape-html: & < > " '), names included. Written as a string because React's server
 * rendering costs per element twice — into the RSC payload, then from it into HTML — and 20 rows
 * are ~500 elements. The grid's client component builds it from the rows' formatted words, so the
 * RSC payload carries those words (~4 KB a page) rather than the markup (~15 KB), and the HTML
 * holds the markup once. The rows' look comes from the table's classes; their behaviour from
 * delegated handlers, which read the invoice from the checkbox's and the "…" button's value.
 */
export function gridRowsHtml(rows: GridRowText[], rowLink: string, words: GridRowWords): string {
  let html = "";
  for (const row of rows) {
    const link = escapeHtml(`${rowLink}${encodeURIComponent(row.id)}&blade=`);
    const id = text(row.id);
    html +=
      `<tr><td><input type="checkbox" value="${id}" aria-label="${withId(words.select, row.id)}"/></td>` +
      `<td><a href="${link}details">${id}</a></td>` +
      `<td>${text(row.profile)}</td><td>${text(row.invoiceDate)}</td><td>${text(row.dueDate)}</td>` +
      `<td>${text(row.period)}</td><td>${text(row.total)}</td><td>${text(row.amountDue)}</td>` +
      `<td><span>` +
      `<svg aria-hidden="true" width="16" height="16" class="${statusIconClass(row.status)}"><use href="${gridIconHref(statusIconId(row.status))}"></use></svg>` +
      `${text(row.statusLabel)}</span></td><td>` +
      (row.payable
        ? `<a href="${link}pay" aria-label="${withId(words.payNowLabel, row.id)}" class="mr-3 font-semibold">${text(words.payNow)}</a>`
        : "") +
      // The download icon, then "…", at the end of the row (download-azure-invoice).
      `<button type="button" value="${id}" data-menu="download" aria-label="${withId(words.download, row.id)}" aria-haspopup="menu" aria-expanded="false">` +
      `<svg aria-hidden="true" width="16" height="16"><use href="${gridIconHref(ROW_DOWNLOAD_ICON)}"></use></svg></button>` +
      `<button type="button" value="${id}" aria-label="${withId(words.menu, row.id)}" aria-haspopup="menu" aria-expanded="false">` +
      `<svg aria-hidden="true" width="20" height="20"><use href="${gridIconHref(ROW_MENU_ICON)}"></use></svg></button></td></tr>`;
  }
  return html;
}
