"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import type { InvoiceStatus } from "@/lib/invoice-status";
import { withQuery } from "@/lib/urls";

import { invoicePdfPath } from "../pdf-path";
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

/**
 * The grid's body, a client component for the page's weight: its props are the
 * rows' text, where a server-rendered body would send every cell's element and
 * class names twice (HTML and RSC payload). The row links are plain anchors and
 * one handler opens them in place like next/link would (no reload, no scroll);
 * forty Link components would each render, hydrate and prefetch a blade.
 */
export function InvoiceRows({ rows, view, accountId }: { rows: InvoiceGridRow[]; view: string; accountId: string }) {
  const t = useTranslations("invoices");
  const router = useRouter();
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
    <tbody onClick={openInPlace}>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-stroke-subtle hover:bg-[#fafafa]">
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
            <a
              href={invoicePdfPath(accountId, row.id)}
              download
              className="text-brand hover:underline"
              aria-label={`${t("downloadPdf")} ${row.id}`}
            >
              {t("downloadPdf")}
            </a>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
