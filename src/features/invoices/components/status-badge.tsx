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

const look: Record<InvoiceStatus, { Icon: typeof Clock16Regular; className: string }> = {
  due: { Icon: Clock16Regular, className: "text-brand" },
  pastDue: { Icon: Warning16Filled, className: "text-danger" },
  partiallyPaid: { Icon: CircleHalfFill16Regular, className: "text-warning" },
  processing: { Icon: ArrowSyncCircle16Regular, className: "text-brand" },
  paid: { Icon: CheckmarkCircle16Filled, className: "text-success" },
  void: { Icon: DismissCircle16Filled, className: "text-ink-muted" },
};

/** The id of a status's icon in GridIconSprite. */
export const spriteId = (status: InvoiceStatus) => `invoice-status-${status}`;

/** The colour class of a status's icon. */
export const statusIconClass = (status: InvoiceStatus) => look[status].className;

/**
 * A status as icon and words — never colour alone. The caller passes the words
 * (`invoices.status.<status>`): a grid translates with the one translator it
 * already holds, instead of a translator per row. With `fromSprite`, the icon
 * is a reference to the page's GridIconSprite: a grid draws each of the six
 * icons once, not once per row.
 */
export function StatusBadge({
  status,
  label,
  fromSprite = false,
}: {
  status: InvoiceStatus;
  label: string;
  fromSprite?: boolean;
}) {
  const { Icon, className } = look[status];
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      {fromSprite ? (
        <svg aria-hidden width="16" height="16" className={className}>
          <use href={`#${spriteId(status)}`} />
        </svg>
      ) : (
        <Icon aria-hidden className={className} />
      )}
      {label}
    </span>
  );
}

/** The id of the grid rows' "…" icon in GridIconSprite. */
export const ROW_MENU_ICON = "invoice-row-more";

/**
 * The grid's icons as SVG symbols, once per page: the six status icons (for the badges drawn
 * `fromSprite`) and the rows' "…" icon; each row then holds a `<use>` instead of the paths.
 */
export function GridIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {invoiceStatuses.map((status) => {
          const { Icon } = look[status];
          return (
            <symbol key={status} id={spriteId(status)} viewBox="0 0 16 16">
              <Icon />
            </symbol>
          );
        })}
        <symbol id={ROW_MENU_ICON} viewBox="0 0 20 20">
          <MoreHorizontal20Regular />
        </symbol>
      </defs>
    </svg>
  );
}
