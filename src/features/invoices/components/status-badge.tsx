import type { InvoiceStatus } from "@/lib/invoice-status";

import { statusIcons } from "./grid-icons";

const colour: Record<InvoiceStatus, string> = {
  due: "text-brand",
  pastDue: "text-danger",
  partiallyPaid: "text-warning",
  processing: "text-brand",
  paid: "text-success",
  void: "text-ink-muted",
};

/** The colour class of a status's icon. */
export const statusIconClass = (status: InvoiceStatus) => colour[status];

/**
 * A status as icon and words — never colour alone. The caller passes the words
 * (`invoices.status.<status>`). The grid's rows draw the same icons from a static
 * file instead (grid-icons.tsx, gridRowsHtml).
 */
export function StatusBadge({ status, label }: { status: InvoiceStatus; label: string }) {
  const Icon = statusIcons[status];
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <Icon aria-hidden className={colour[status]} />
      {label}
    </span>
  );
}
