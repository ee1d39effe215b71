"use client";

import type { ReactNode } from "react";

export type ChartTable = { columns: string[]; rows: (string | number)[][] };

// DESIGN.md: sage, clay, sand first; stages keep the hue of their badge.
export const CHART_COLORS = {
  sage: "#4F7A64",
  clay: "#C2805A",
  sand: "#C9A46A",
};
export const STAGE_COLORS: Record<string, string> = {
  Prospect: "#C9A46A",
  "New Client": "#4F8CB0",
  "Core Client": "#4F7A64",
  "Referring Client": "#7E6AB3",
  "VIP Client": "#B8962E",
  "At Risk Client": "#C2805A",
  "Lost Client": "#8C918D",
};

/** Tooltip looks shared by every chart: the palette's surface, and a soft hover band (not grey). */
export const TOOLTIP_PROPS = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8 },
  cursor: { fill: "var(--primary)", fillOpacity: 0.08 },
};

/**
 * A chart with its title, a one-sentence summary for screen readers and a "Show the numbers"
 * table for everyone, so no chart carries meaning by colour or shape alone.
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
  testId,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-2">
        <span className="block text-base font-semibold">{title}</span>
        <span className="block text-sm text-muted">{summary}</span>
      </figcaption>
      <div aria-hidden="true">{children}</div>
      <details className="mt-2 text-sm">
        <summary className="min-h-[44px] cursor-pointer content-center text-primary">
          Show the numbers
        </summary>
        <div className="max-h-64 overflow-auto">
          <table className="w-full text-left text-sm tabular">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="border-b border-border py-1 pr-3 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="py-1 pr-3 font-normal">
                        {v}
                      </th>
                    ) : (
                      <td key={j} className="py-1 pr-3">
                        {v}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
