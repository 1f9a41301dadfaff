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
      style={{ gridTemplateColumns: `${labelWidth} 1fr` }}
    >
      <dt className="text-ink-muted">{label}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
