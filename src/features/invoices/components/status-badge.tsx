import { CheckmarkCircle16Filled, CircleHalfFill16Regular, Clock16Regular, DismissCircle16Filled, Warning16Filled } from "@/components/ui/icons";
import type { InvoiceStatus } from "../status";

const look: Record<InvoiceStatus, { icon: React.ReactNode; className: string }> = {
  due: { icon: <Clock16Regular aria-hidden />, className: "text-brand" },
  pastDue: { icon: <Warning16Filled aria-hidden />, className: "text-danger" },
  partiallyPaid: { icon: <CircleHalfFill16Regular aria-hidden />, className: "text-warning" },
  paid: { icon: <CheckmarkCircle16Filled aria-hidden />, className: "text-success" },
  void: { icon: <DismissCircle16Filled aria-hidden />, className: "text-ink-muted" },
};

/**
 * A status as icon and words — never colour alone. The caller passes the words
 * (`invoices.status.<status>`): a grid translates with the one translator it
 * already holds, instead of a translator per row.
 */
export function StatusBadge({ status, label }: { status: InvoiceStatus; label: string }) {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span className={`flex ${look[status].className}`}>{look[status].icon}</span>
      <span>{label}</span>
    </span>
  );
}
