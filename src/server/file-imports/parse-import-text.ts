import { AppError } from "../errors";
import type { ImportRow } from "./import-row";
import { guessMapping, rowsFromCsv, type ColumnMapping } from "./map-columns";
import { parseCsv } from "./parse-csv";
import { parseVcard } from "./parse-vcard";

export const MAX_IMPORT_ROWS = 10_000;
export const importFormats = ["csv", "google_csv", "vcard"] as const;

export type ParsedImport = {
  format: (typeof importFormats)[number];
  headers: string[];
  mapping: ColumnMapping;
  rows: ImportRow[];
};

/**
 * The untrusted half of an import: upload text → rows (CSV or vCard), no database. Runs in
 * the worker pool (see untrusted/run-untrusted.ts); every step is linear in the input.
 */
export function parseImportText(input: {
  text: string;
  filename: string;
  mapping?: ColumnMapping;
}): ParsedImport {
  const isVcard = /\.vcf$/i.test(input.filename) || /^\uFEFF?\s*BEGIN:VCARD/i.test(input.text);
  let parsed: ParsedImport;
  if (isVcard) parsed = { format: "vcard", headers: [], mapping: {}, rows: parseVcard(input.text) };
  else {
    const recs = parseCsv(input.text);
    const headers = recs[0]?.fields ?? [];
    const mapping = { ...guessMapping(headers), ...(input.mapping ?? {}) };
    const format = headers.some((h) => /^e-mail \d+ - value$/i.test(h)) ? "google_csv" : "csv";
    if (!Object.values(mapping).some((f) => ["displayName", "firstName", "lastName", "email"].includes(f)))
      throw new AppError("invalid_body", "no name or email column", {
        fields: { mapping: ["map at least one column to a name or email"] },
      });
    if (recs.length - 1 > MAX_IMPORT_ROWS) throw tooMany();
    parsed = { format, headers, mapping, rows: rowsFromCsv(recs, mapping) };
  }
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw tooMany();
  return parsed;
}

const tooMany = () =>
  new AppError("payload_too_large", `at most ${MAX_IMPORT_ROWS} contacts per import`, {
    maxRows: MAX_IMPORT_ROWS,
  });
