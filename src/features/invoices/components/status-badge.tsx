import type { InvoiceStatus } from "@/lib/invoice-status";

import { statusIconClass } from "../grid-icon-refs";
import { statusIcons } from "./grid-icons";

/**
 * A status as icon and words — never colour alone. The caller passes the words
 * (`invoices.status.<status>`). The grid's rows draw the same icons from a static
 * file instead (grid-icons.tsx, gridRowsHtml).
 */
export function StatusBadge({ status, label }: { status: InvoiceStatus; label: string }) {
  const Icon = statusIcons[status];
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <Icon aria-hidden className={statusIconClass(status)} />
      {label}
    </span>
  );
}
