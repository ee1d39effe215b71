"use client";

import { AlertTriangle } from "lucide-react";
import { Select } from "@/components/ui/input";
import { fieldLabels, type ImportField, type ImportPreview } from "./import-api";

/** Column mapping (one select per source column), a few sample rows, and every bad row by line. */
export function ImportPreviewView({
  preview,
  busy,
  onMapping,
}: {
  preview: ImportPreview;
  busy: boolean;
  onMapping: (m: ImportPreview["mapping"]) => void;
}) {
  return (
    <div className="space-y-4" aria-busy={busy}>
      <p className="text-sm">
        <span className="font-medium">{preview.validCount}</span> rows ready to import
        {preview.badRows.length ? (
          <>
            , <span className="font-medium text-danger">{preview.badRows.length}</span> with problems
          </>
        ) : null}
        .
      </p>
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">Column mapping and sample rows</caption>
          <thead>
            <tr className="border-b border-border bg-bg text-left">
              {preview.columns.map((col, i) => (
                <th key={col} scope="col" className="px-2 py-2 align-top font-medium">
                  <span className="block truncate text-xs text-muted">{col}</span>
                  <label className="sr-only" htmlFor={`map-${i}`}>
                    Import column {col} as
                  </label>
                  <Select
                    id={`map-${i}`}
                    className="mt-1 h-8 text-xs"
                    value={preview.mapping[col] ?? ""}
                    disabled={busy}
                    onChange={(e) =>
                      onMapping({ ...preview.mapping, [col]: (e.target.value || null) as ImportField | null })
                    }
                  >
                    <option value="">Don&apos;t import</option>
                    {Object.entries(fieldLabels).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.slice(0, 5).map((r) => (
              <tr key={r.line} className="border-b border-border last:border-0">
                {preview.columns.map((col) => (
                  <td key={col} className="max-w-48 truncate px-2 py-1.5 text-muted">
                    {r.values[col] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.badRows.length ? (
        <div className="rounded-lg border border-danger/40 p-3">
          <p className="mb-2 flex items-center gap-2 text-sm font-medium text-danger">
            <AlertTriangle aria-hidden size={16} /> These rows will not be imported
          </p>
          <ul className="max-h-40 space-y-1 overflow-y-auto text-sm" data-testid="bad-rows">
            {preview.badRows.map((b) => (
              <li key={b.line}>
                <span className="font-medium tabular">Line {b.line}:</span> {b.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
