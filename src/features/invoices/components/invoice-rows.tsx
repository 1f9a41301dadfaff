"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";
import { ArrowDownload16Regular } from "@/components/ui/icons";
import type { InvoiceStatus } from "@/lib/invoice-status";
import { withQuery } from "@/lib/urls";

import { invoicePdfPath, invoicesZipPath } from "../pdf-path";
import { InvoiceRowMenu } from "./invoice-row-menu";
import { StatusBadge } from "./status-badge";

/** One grid row as the server formatted it: text only, so the page sends a few hundred bytes a row. */
export type InvoiceGridRow = {
  id: string;
  profile: string;
  invoiceDate: string;
  dueDate: string;
  period: string;
  total: string;
  amountDue: string;
  status: InvoiceStatus;
  /** Pay now shows on this row (payable status, and a user allowed to pay). */
  payable: boolean;
};

/** Where Download goes for the selection: one invoice → its PDF; several → one ZIP of their PDFs. */
export function downloadHref(accountId: string, selected: string[]): string | null {
  if (selected.length === 0) return null;
  return selected.length === 1 ? invoicePdfPath(accountId, selected[0]) : invoicesZipPath(accountId, selected);
}

/**
 * The grid's command bar, header row and body: one client component, for the
 * page's weight and for the selection, which the command bar, the select-all
 * box and the rows share. Its props are the rows' text and the server-rendered
 * column headers, where a server-rendered body would send every cell's element
 * and class names twice (HTML and RSC payload). The row links are plain anchors
 * and one handler opens them in place like next/link would (no reload, no
 * scroll); forty Link components would each render, hydrate and prefetch a blade.
 */
export function InvoiceRows({
  rows,
  view,
  accountId,
  headers,
}: {
  rows: InvoiceGridRow[];
  view: string;
  accountId: string;
  /** The server-rendered column headers (sort links), after the select-all box. */
  headers: ReactNode;
}) {
  const t = useTranslations("invoices");
  const router = useRouter();
  // Selected invoice IDs; rows that leave the page (filter, sort, page) leave the selection.
  const [picked, setPicked] = useState<string[]>([]);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const onPage = new Set(rows.map((row) => row.id));
  const selected = picked.filter((id) => onPage.has(id));
  const allSelected = rows.length > 0 && selected.length === rows.length;
  const href = downloadHref(accountId, selected);

  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  const toggleAll = () => setPicked(allSelected ? [] : rows.map((row) => row.id));

  const openInPlace = (event: React.MouseEvent<HTMLElement>) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    // New tab, new window, download and the like stay the browser's.
    if (
      !link ||
      link.hasAttribute("download") ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      event.defaultPrevented
    )
      return;
    event.preventDefault();
    router.push(link.getAttribute("href")!, { scroll: false });
  };

  return (
    <>
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
      <table className="w-full min-w-[880px] text-left text-[13px] [&_td]:px-3 [&_td]:py-2 [&_td]:whitespace-nowrap">
        <thead>
          <tr className="border-b border-stroke">
            <th scope="col" className="w-8 px-3 py-2">
              <input
                type="checkbox"
                aria-label={t("select.all")}
                checked={allSelected}
                ref={(box) => {
                  if (box) box.indeterminate = selected.length > 0 && !allSelected;
                }}
                onChange={toggleAll}
                disabled={rows.length === 0}
                className="size-4 accent-brand"
              />
            </th>
            {headers}
          </tr>
        </thead>
        <tbody onClick={openInPlace}>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stroke-subtle hover:bg-[#fafafa]">
              <td>
                <input
                  type="checkbox"
                  aria-label={t("select.row", { id: row.id })}
                  checked={selected.includes(row.id)}
                  onChange={() => toggle(row.id)}
                  className="size-4 accent-brand"
                />
              </td>
              <td>
                <a href={withQuery(view, { invoice: row.id, blade: "details" })} className="text-brand hover:underline">
                  {row.id}
                </a>
              </td>
              <td>{row.profile}</td>
              <td>{row.invoiceDate}</td>
              <td>{row.dueDate}</td>
              <td>{row.period}</td>
              <td className="text-right tabular-nums">{row.total}</td>
              <td className="text-right tabular-nums">{row.amountDue}</td>
              <td>
                <StatusBadge status={row.status} label={t(`status.${row.status}`)} fromSprite />
              </td>
              <td>
                {row.payable && (
                  <a
                    href={withQuery(view, { invoice: row.id, blade: "pay" })}
                    aria-label={t("payNowLabel", { id: row.id })}
                    className="mr-3 font-semibold text-brand hover:underline"
                  >
                    {t("payNow")}
                  </a>
                )}
                <InvoiceRowMenu accountId={accountId} invoiceId={row.id} openMenu={menuFor} setOpenMenu={setMenuFor} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
