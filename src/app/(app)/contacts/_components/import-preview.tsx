"use client";

import { AlertTriangle } from "lucide-react";
import { Select } from "@/components/ui/input";
import { fieldLabels, type ColumnMapping, type ImportField, type ImportPreview } from "./import-api";

/** Column mapping (one select per column of the file), sample rows as they'll be imported, every bad row by line. */
export function ImportPreviewView({
  preview,
  busy,
  onMapping,
}: {
  preview: ImportPreview;
  busy: boolean;
  onMapping: (m: ColumnMapping) => void;
}) {
  const bad = new Set(preview.errors.map((e) => e.line)).size;
  return (
    <div className="space-y-4" aria-busy={busy}>
      <p className="text-sm" data-testid="import-summary">
        <span className="font-medium">{preview.validRows}</span> of {preview.totalRows} rows ready to import
        {bad ? (
          <>
            , <span className="font-medium text-danger">{bad}</span> with problems
          </>
        ) : null}
        {preview.skipped.length ? <>, {preview.skipped.length} already in your contacts</> : null}.
      </p>
      <fieldset className="rounded-lg border border-border p-3">
        <legend className="px-1 text-sm font-medium">Columns in your file</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {preview.headers.map((h, i) => (
            <div key={`${h}-${i}`} className="flex items-center gap-2">
              <label htmlFor={`map-${i}`} className="w-2/5 truncate text-sm text-muted" title={h}>
                {h || `Column ${i + 1}`}
              </label>
              <Select
                id={`map-${i}`}
                className="h-8 w-3/5 text-sm"
                value={preview.mapping[h] ?? "ignore"}
                disabled={busy}
                onChange={(e) => onMapping({ ...preview.mapping, [h]: e.target.value as ImportField })}
              >
                {preview.fields.map((f) => (
                  <option key={f} value={f}>
                    {fieldLabels[f]}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
      </fieldset>
      {preview.sample.length ? (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-sm">
            <caption className="sr-only">First rows as they will be imported</caption>
            <thead>
              <tr className="border-b border-border bg-bg text-left text-xs text-muted">
                {["Line", "Name", "Email", "Phone", "Stage", "Tags"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.slice(0, 5).map((r) => (
                <tr key={r.line} className="border-b border-border last:border-0">
                  <td className="px-2 py-1.5 tabular text-muted">{r.line}</td>
                  <td className="px-2 py-1.5">{r.displayName}</td>
                  <td className="px-2 py-1.5 text-muted">{r.emails.join(", ")}</td>
                  <td className="px-2 py-1.5 text-muted">{r.phones.join(", ")}</td>
                  <td className="px-2 py-1.5 text-muted">{r.stage ?? ""}</td>
                  <td className="px-2 py-1.5 text-muted">{r.tags.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.errors.length ? (
        <div className="rounded-lg border border-danger/40 p-3">
          <p className="mb-2 flex items-center gap-2 text-sm font-medium text-danger">
            <AlertTriangle aria-hidden size={16} /> These rows will not be imported
          </p>
          <ul className="max-h-40 space-y-1 overflow-y-auto text-sm" data-testid="bad-rows">
            {preview.errors.map((b, i) => (
              <li key={i}>
                <span className="font-medium tabular">Line {b.line}:</span> {b.field ? `${b.field} — ` : ""}
                {b.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
