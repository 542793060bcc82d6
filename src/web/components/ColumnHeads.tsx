import type { ReactNode } from "react";

/** A column heading: text alone, or drawn content with its own key, class and short name. */
type Column = string | { key: string; label: ReactNode; className?: string; abbr?: string };

/** A table's header row, one heading per column; a `false` column is left out. */
export function ColumnHeads({ columns }: { columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const c = typeof column === "string" ? { key: column, label: column } : column;
          return (
            <th key={c.key} scope="col" className={c.className} abbr={c.abbr}>
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
