"use client";

import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";
import { ArrowDownload16Regular } from "@/components/ui/icons";

import { gridRowsHtml, unpackGridRows, type GridRowWords, type PackedGridRow } from "../grid-rows-html";
import { invoicePdfPath, invoicesZipPath } from "../pdf-path";
import { InvoiceRowMenu, type OpenRowMenu } from "./invoice-row-menu";

/** Where Download goes for the selection: one invoice → its PDF; several → one ZIP of their PDFs. */
export function downloadHref(accountId: string, selected: string[]): string | null {
  if (selected.length === 0) return null;
  return selected.length === 1 ? invoicePdfPath(accountId, selected[0]) : invoicesZipPath(accountId, selected);
}

/** A row's box: `<input type="checkbox" value="<invoice ID>">` in the server-rendered body. */
const rowBoxes = (table: HTMLTableElement | null) => [
  ...(table?.tBodies[0]?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? []),
];

/**
 * The grid's one client component: the command bar (Download, how many selected), the
 * select-all box, the rows as one HTML string (gridRowsHtml, from the words the server
 * formatted) — a row costs no element, component, hook or props in React — and delegated
 * handlers for them.
 * The handlers keep the selection from the rows' checkboxes (their value is the
 * invoice ID) and open the one "…" menu for the row whose button was pressed; the rows'
 * links open in place through the blade's InPlaceLinks. Keyed by the grid's view: a new
 * page, filter or sort starts with nothing selected.
 */
export function InvoiceGridControls({
  accountId,
  rows: packedRows,
  rowLink,
  words,
  headers,
}: {
  accountId: string;
  /** The invoices on this page, formatted in the reader's language (packGridRows): the selection keeps only these. */
  rows: PackedGridRow[];
  /** A row's links: this + invoice ID + `&blade=` + details or pay. */
  rowLink: string;
  /** The per-row words (gridRowsHtml). */
  words: GridRowWords;
  /** The server-rendered column headers (sort links), after the select-all box. */
  headers: ReactNode;
}) {
  const t = useTranslations("invoices");
  const table = useRef<HTMLTableElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  // Selected invoice IDs, in the order they were picked (the ZIP keeps it).
  const [picked, setPicked] = useState<string[]>([]);
  const [menu, setMenu] = useState<OpenRowMenu | null>(null);
  const rows = useMemo(() => unpackGridRows(packedRows), [packedRows]);
  const invoiceIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const body = useMemo(() => ({ __html: gridRowsHtml(rows, rowLink, words) }), [rows, rowLink, words]);
  const onPage = new Set(invoiceIds);
  const selected = picked.filter((id) => onPage.has(id));
  const allSelected = invoiceIds.length > 0 && selected.length === invoiceIds.length;
  const href = downloadHref(accountId, selected);

  // The rows' boxes are the server's markup: they follow the selection here.
  useLayoutEffect(() => {
    for (const box of rowBoxes(table.current)) box.checked = picked.includes(box.value);
    if (selectAll.current) selectAll.current.indeterminate = selected.length > 0 && !allSelected;
  });

  // The rows' boxes are not React's elements, so React's onChange does not see them: one native
  // listener on the table body does. A box's value is its invoice ID; the order of picking is kept.
  useEffect(() => {
    const rows = table.current?.tBodies[0];
    if (!rows) return;
    const onChange = (event: Event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
      const id = box.value;
      setPicked((current) => [...current.filter((other) => other !== id), ...(box.checked ? [id] : [])]);
    };
    rows.addEventListener("change", onChange);
    return () => rows.removeEventListener("change", onChange);
  }, []);

  const onClick = (event: React.MouseEvent<HTMLElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const menuButton = target?.closest<HTMLButtonElement>("button[aria-haspopup=menu]");
    if (menuButton && table.current?.contains(menuButton)) {
      const kind = menuButton.dataset.menu === "download" ? "download" : "more";
      setMenu((open) =>
        open?.button === menuButton ? null : { invoiceId: menuButton.value, button: menuButton, kind },
      );
    }
  };

  return (
    <div onClick={onClick}>
      <div className="flex h-10 items-center gap-3 border-b border-stroke-subtle px-1">
        {href ? (
          <a href={href} download className={buttonClass("subtle")}>
            <ArrowDownload16Regular aria-hidden />
            {t("commands.download")}
          </a>
        ) : (
          <button type="button" disabled className={buttonClass("subtle")}>
            <ArrowDownload16Regular aria-hidden />
            {t("commands.download")}
          </button>
        )}
        <p role="status" className="text-xs text-ink-muted">
          {t("commands.selected", { count: selected.length })}
        </p>
      </div>
      <table ref={table} className="invoice-grid">
        <thead>
          <tr className="border-b border-stroke">
            <th scope="col" className="w-8">
              <input
                ref={selectAll}
                type="checkbox"
                aria-label={t("select.all")}
                checked={allSelected}
                onChange={() => setPicked(allSelected ? [] : invoiceIds)}
                disabled={invoiceIds.length === 0}
              />
            </th>
            {headers}
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={body} />
      </table>
      {menu && (
        <InvoiceRowMenu
          key={`${menu.kind}:${menu.invoiceId}`}
          accountId={accountId}
          open={menu}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  );
}
