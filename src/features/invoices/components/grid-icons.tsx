import {
  ArrowDownload16Regular,
  ArrowSyncCircle16Regular,
  CheckmarkCircle16Filled,
  CircleHalfFill16Regular,
  Clock16Regular,
  DismissCircle16Filled,
  MoreHorizontal20Regular,
  Warning16Filled,
} from "@/components/ui/icons";
import { invoiceStatuses, type InvoiceStatus } from "@/lib/invoice-status";

import { ROW_DOWNLOAD_ICON, ROW_MENU_ICON, statusIconId } from "../grid-icon-refs";

/** Each status's icon (StatusBadge draws it; the grid's rows refer to it in the file). */
export const statusIcons: Record<InvoiceStatus, typeof Clock16Regular> = {
  due: Clock16Regular,
  pastDue: Warning16Filled,
  partiallyPaid: CircleHalfFill16Regular,
  processing: ArrowSyncCircle16Regular,
  paid: CheckmarkCircle16Filled,
  void: DismissCircle16Filled,
};

/**
 * public/invoice-grid-icons.svg's content (grid-icon-refs.ts says why), written by `npm run icons`;
 * tests/components/grid-icons.test.tsx fails when the file no longer matches. Each icon is a symbol:
 * they take the `<use>`'s colour (fill is currentColor).
 */
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
      <symbol id={ROW_DOWNLOAD_ICON} viewBox="0 0 16 16">
        <ArrowDownload16Regular />
      </symbol>
      <symbol id={ROW_MENU_ICON} viewBox="0 0 20 20">
        <MoreHorizontal20Regular />
      </symbol>
    </svg>
  );
}
