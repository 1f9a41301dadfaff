export type Column = string | { label: string; align?: "right"; hidden?: boolean };

/** The header row every portal table shares: column headers with scope, Fluent's weight and rule. */
export function TableHead({ columns, cell = "px-3 py-2" }: { columns: Column[]; cell?: string }) {
  return (
    <thead>
      <tr className="border-b border-stroke">
        {columns.map((column, index) => {
          const { label, align, hidden } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={index} scope="col" className={`${cell} font-semibold ${align === "right" ? "text-right" : ""}`}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
