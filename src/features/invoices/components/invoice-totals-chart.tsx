"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";

/** One bar: an invoice, with its texts already formatted for the reader's locale on the server. */
export type InvoiceTotalPoint = {
  id: string;
  /** Short date under the bar ("Nov 5"). */
  tick: string;
  /** Full invoice date ("Nov 5, 2026"). */
  date: string;
  profile: string;
  totalMinor: number;
  total: string;
  status: string;
};

// Fluent's brand blue and a contrasting teal: one colour per billing profile.
const palette = ["#0f6cbd", "#038387", "#8764b8", "#ca5010"];

type Row = InvoiceTotalPoint & Record<string, number | string>;

/**
 * The Overview blade's bar chart of the last invoices' totals. The SVG is for
 * sighted users; screen readers get the title, the description, a one-line
 * summary and the same figures as a visually hidden table.
 */
export function InvoiceTotalsChart({
  points,
  currency,
  locale,
  summary,
}: {
  points: InvoiceTotalPoint[];
  currency: string;
  locale: string;
  summary: string;
}) {
  const t = useTranslations("invoices.overview");
  const tc = useTranslations("invoices.columns");
  const titleId = useId();
  const descriptionId = useId();
  const profiles = [...new Set(points.map((point) => point.profile))];
  const digits =
    new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const axisMoney = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  // One series per billing profile, stacked on one slot per invoice: each bar carries only its own
  // profile's value, in major units for the axis (the exact amounts come preformatted).
  const rows: Row[] = points.map((point) => ({
    ...point,
    [`p${profiles.indexOf(point.profile)}`]: point.totalMinor / 10 ** digits,
  }));

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
    if (!point) return null;
    return (
      <div className="rounded border border-stroke bg-surface px-3 py-2 text-[13px] shadow">
        <p className="font-semibold">{t("tooltipInvoice", { id: point.id })}</p>
        <p className="text-ink-muted">
          {point.profile} · {point.date}
        </p>
        <p className="tabular-nums">
          {point.total} · {point.status}
        </p>
      </div>
    );
  };

  return (
    <figure aria-labelledby={titleId} aria-describedby={descriptionId} className="m-0">
      <figcaption>
        <h2 id={titleId} className="text-base font-semibold">
          {t("chartTitle")}
        </h2>
        <p id={descriptionId} className="text-[13px] text-ink-muted">
          {t("chartDescription")}
          <span className="sr-only">. {summary}</span>
        </p>
      </figcaption>
      {points.length === 0 ? (
        <p className="py-8 text-center text-ink-muted">{t("chartEmpty")}</p>
      ) : (
        // Clipped: until it measures its box the chart draws 800 px wide, which must not widen a phone's page.
        <div aria-hidden="true" className="mt-3 h-72 w-full overflow-hidden">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 288 }}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="#e0e0e0" />
              <XAxis
                dataKey="id"
                tickFormatter={(id: string) => points.find((point) => point.id === id)?.tick ?? id}
                tick={{ fontSize: 12, fill: "#616161" }}
                tickLine={false}
                axisLine={{ stroke: "#d1d1d1" }}
                // Every month where they fit; on a phone, as many as fit without overlapping.
                interval="preserveStartEnd"
              />
              <YAxis
                tickFormatter={(value: number) => axisMoney.format(value)}
                tick={{ fontSize: 12, fill: "#616161" }}
                tickLine={false}
                axisLine={false}
                width={72}
              />
              <Tooltip content={tooltip} cursor={{ fill: "rgba(15,108,189,0.08)" }} />
              <Legend iconType="square" wrapperStyle={{ fontSize: 13 }} />
              {profiles.map((profile, index) => (
                <Bar
                  key={profile}
                  dataKey={`p${index}`}
                  name={profile}
                  stackId="total"
                  fill={palette[index % palette.length]}
                  maxBarSize={36}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* In a box of its own: a table is never narrower than its cells, so an sr-only table would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{t("chartTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{tc("invoiceId")}</th>
              <th scope="col">{tc("invoiceDate")}</th>
              <th scope="col">{tc("billingProfile")}</th>
              <th scope="col">{tc("total")}</th>
              <th scope="col">{tc("status")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id}>
                <th scope="row">{point.id}</th>
                <td>{point.date}</td>
                <td>{point.profile}</td>
                <td>{point.total}</td>
                <td>{point.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
