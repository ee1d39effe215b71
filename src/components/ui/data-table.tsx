"use client";

import {
  rowSelectionFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "./cn";

export const dataTableFeatures = tableFeatures({ rowSelectionFeature });
export type DataColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T>;

/**
 * TanStack Table rendering with our styles. Sorting/filtering/paging happen on the server, so
 * the table only renders rows, keeps selection by row id, and marks the keyboard-active row.
 */
export function DataTable<T extends RowData>({
  data,
  columns,
  getRowId,
  selection,
  onSelectionChange,
  activeIndex,
  onRowOpen,
  caption,
  renderHeader,
}: {
  data: T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  selection: Record<string, boolean>;
  onSelectionChange: (s: Record<string, boolean>) => void;
  activeIndex?: number;
  onRowOpen?: (row: T) => void;
  caption: string;
  renderHeader?: (columnId: string, fallback: ReactNode) => ReactNode;
}) {
  const rowSelection: RowSelectionState = {};
  for (const [id, on] of Object.entries(selection)) if (on) rowSelection[id] = true;
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    enableRowSelection: true,
    state: { rowSelection },
    onRowSelectionChange: (u) => onSelectionChange(typeof u === "function" ? u(rowSelection) : u),
  });
  return (
    <div className="overflow-x-auto rounded-[12px] border border-border bg-surface">
      <table className="w-full border-collapse text-sm tabular">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr
              key={g.id}
              className="border-b border-border text-left text-xs uppercase tracking-wide text-muted"
            >
              {g.headers.map((h) => {
                const content = <table.FlexRender header={h} />;
                return (
                  <th key={h.id} scope="col" className="px-3 py-2 font-medium">
                    {renderHeader ? renderHeader(h.column.id, content) : content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row, i) => (
            <tr
              key={row.id}
              data-active={i === activeIndex || undefined}
              onDoubleClick={() => onRowOpen?.(row.original)}
              className={cn(
                "border-b border-border last:border-0 hover:bg-bg",
                i === activeIndex && "bg-primary/5 outline outline-2 -outline-offset-2 outline-primary",
                row.getIsSelected() && "bg-primary/10",
              )}
            >
              {row.getAllCells().map((c) => (
                <td key={c.id} className="px-3 py-2.5 align-middle">
                  <table.FlexRender cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
