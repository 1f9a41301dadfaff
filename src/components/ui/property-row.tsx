import type { ReactNode } from "react";

/**
 * One label/value pair of a blade's property list (inside a <dl>): Properties,
 * invoice summary, Pay now summary, receipt, wire-transfer details.
 */
export function PropertyRow({
  label,
  children,
  labelWidth = "180px",
  ruled = true,
  valueClassName = "",
}: {
  label: string;
  children: ReactNode;
  labelWidth?: string;
  /** A rule under each row (full lists) or none (compact summaries). */
  ruled?: boolean;
  valueClassName?: string;
}) {
  return (
    <div
      className={`grid gap-2 ${ruled ? "border-b border-stroke-subtle py-1.5" : "py-0.5"}`}
      // On a phone the label gives up width (at most 40%) and a long value (an account ID) wraps, not the page.
      style={{ gridTemplateColumns: `min(${labelWidth}, 40%) minmax(0, 1fr)` }}
    >
      <dt className="text-ink-muted">{label}</dt>
      <dd className={`[overflow-wrap:anywhere] ${valueClassName}`}>{children}</dd>
    </div>
  );
}
