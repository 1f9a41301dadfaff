import {
  ArrowSyncCircle16Regular,
  CheckmarkCircle16Filled,
  CircleHalfFill16Regular,
  Clock16Regular,
  DismissCircle16Filled,
  MoreHorizontal20Regular,
  Warning16Filled,
} from "@/components/ui/icons";
import { invoiceStatuses, type InvoiceStatus } from "@/lib/invoice-status";

/**
 * The grid's icons live in one static file, public/invoice-grid-icons.svg, that the browser
 * fetches once and keeps: a grid row refers to its icon (`<use href="/invoice-grid-icons.svg#…">`)
 * instead of each page carrying the icons' paths twice (HTML and RSC payload). The file is
 * GridIconsDocument's markup, written by `npm run icons`; tests/unit/grid-icons.test.tsx fails
 * when it no longer matches the icons below.
 */
export const GRID_ICONS_FILE = "invoice-grid-icons.svg";

/** Each status's icon (StatusBadge draws it; the grid's rows refer to it in the file). */
export const statusIcons: Record<InvoiceStatus, typeof Clock16Regular> = {
  due: Clock16Regular,
  pastDue: Warning16Filled,
  partiallyPaid: CircleHalfFill16Regular,
  processing: ArrowSyncCircle16Regular,
  paid: CheckmarkCircle16Filled,
  void: DismissCircle16Filled,
};

/** The grid rows' "…" icon. */
export const ROW_MENU_ICON = "invoice-row-more";
export const statusIconId = (status: InvoiceStatus) => `invoice-status-${status}`;

/** Where a row's `<use>` points: the icon `id` in the static file. */
export const gridIconHref = (id: string) => `/${GRID_ICONS_FILE}#${id}`;

/** The static file's content: each icon a symbol (they take the `<use>`'s colour: fill is currentColor). */
export function GridIconsDocument() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg">
      {invoiceStatuses.map((status) => {
        const Icon = statusIcons[status];
        return (
          <symbol key={status} id={statusIconId(status)} viewBox="0 0 16 16">
            <Icon />
          </symbol>
        );
      })}
      <symbol id={ROW_MENU_ICON} viewBox="0 0 20 20">
        <MoreHorizontal20Regular />
      </symbol>
    </svg>
  );
}
