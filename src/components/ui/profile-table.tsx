import Link from "next/link";
import type { ReactNode } from "react";

import { TableHead } from "./table-head";

/** A link in the table: `label` names it for screen readers where its text alone would not say which row's. */
export type ProfileLink = { href: string; text: string; label?: string };
/** A cell after the name: a value, an ID (`mono`: a fixed-width face that may break anywhere), or a link. */
export type ProfileCell = { value: ReactNode; mono?: boolean } | { link: ProfileLink };
/** One billing profile: its name heads the row (text, or a link to `nameHref`), its other cells follow in order. */
export type ProfileRow = { id: string; name: string; nameHref?: string; cells: ProfileCell[] };

function TableLink({ href, text, label }: ProfileLink) {
  return (
    <Link href={href} aria-label={label} className="text-brand hover:underline">
      {text}
    </Link>
  );
}

/** The billing profiles of an account as Billing profiles and Payment methods list them: one row each, headed by its name. */
export function ProfileTable({ columns, rows }: { columns: string[]; rows: ProfileRow[] }) {
  return (
    <div className="overflow-x-auto bg-surface">
      <table className="w-full max-w-5xl text-left text-[13px]">
        <TableHead columns={columns} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stroke-subtle">
              <th scope="row" className="px-3 py-2 font-normal">
                {row.nameHref ? <TableLink href={row.nameHref} text={row.name} /> : row.name}
              </th>
              {row.cells.map((cell, index) =>
                "link" in cell ? (
                  <td key={index} className="px-3 py-2">
                    <TableLink {...cell.link} />
                  </td>
                ) : (
                  <td key={index} className={cell.mono ? "px-3 py-2 font-mono text-xs break-all" : "px-3 py-2"}>
                    {cell.value}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
