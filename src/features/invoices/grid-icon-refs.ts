import type { InvoiceStatus } from "@/lib/invoice-status";

/**
 * Where the grid's rows find their icons: one static file, public/invoice-grid-icons.svg, that
 * the browser fetches once and keeps, so a row holds a `<use href="…#id">` instead of each page
 * carrying the icons' paths. The file is written from the icon components by `npm run icons`
 * (components/grid-icons.tsx). No React here: the grid's client component builds its rows with it.
 */
export const GRID_ICONS_FILE = "invoice-grid-icons.svg";

/** The grid rows' "…" icon. */
export const ROW_MENU_ICON = "invoice-row-more";
/** The grid rows' download icon. */
export const ROW_DOWNLOAD_ICON = "invoice-row-download";
export const statusIconId = (status: InvoiceStatus) => `invoice-status-${status}`;

/** Where a row's `<use>` points: the icon `id` in the static file. */
export const gridIconHref = (id: string) => `/${GRID_ICONS_FILE}#${id}`;

const colour: Record<InvoiceStatus, string> = {
  due: "text-brand",
  pastDue: "text-danger",
  partiallyPaid: "text-warning",
  processing: "text-brand",
  paid: "text-success",
  void: "text-ink-muted",
};

/** The colour class of a status's icon: never colour alone, the status's words go beside it. */
export const statusIconClass = (status: InvoiceStatus) => colour[status];
