import type { ReactNode } from "react";

import { TableHead } from "./table-head";

/** A cell after the name: text or a link, or an ID (`mono`: set in a fixed-width face that may break anywhere). */
export type ProfileCell = { value: ReactNode; mono?: boolean };
/** One billing profile: its name heads the row (text or a link), its other cells follow in the columns' order. */
export type ProfileRow = { id: string; name: ReactNode; cells: ProfileCell[] };

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
                {row.name}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className={cell.mono ? "px-3 py-2 font-mono text-xs break-all" : "px-3 py-2"}>
                  {cell.value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
