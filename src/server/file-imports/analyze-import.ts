import { z } from "zod";
import type { Tx } from "../db/with-user";
import { lifecycleStages, type LifecycleStage } from "../db/schema/contacts";
import { and, eq, inArray } from "drizzle-orm";
import { contactIdentities } from "../db/schema/contacts";
import { isValidEmail, isValidPhone, normalizeEmail, normalizePhone } from "../contacts/identity-normalize";
import { findContactsByEmails } from "../contacts/find-contacts-by-emails";
import type { ColumnMapping } from "./map-columns";
import type { ImportRow } from "./import-row";
import { MAX_IMPORT_ROWS, importFormats, type ParsedImport } from "./parse-import-text";
import { runUntrusted } from "../untrusted/run-untrusted";

export { MAX_IMPORT_ROWS, importFormats };
export const importIssueSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;
export type ValidRow = ImportRow & { stage?: LifecycleStage };

export type Analysis = {
  format: (typeof importFormats)[number];
  headers: string[];
  mapping: ColumnMapping;
  rows: ValidRow[];
  errors: ImportIssue[];
  /** Rows that are fine but already exist (same email) or repeat an earlier row. */
  skipped: ImportIssue[];
  totalRows: number;
};

const stageByLower = new Map(lifecycleStages.map((s) => [s.toLowerCase(), s]));

function validate(row: ImportRow): ImportIssue[] {
  const e: ImportIssue[] = [];
  const add = (field: string, message: string) => e.push({ line: row.line, field, message });
  if (!row.displayName.trim()) add("displayName", "name is missing");
  if (row.displayName.length > 200) add("displayName", "name is longer than 200 characters");
  for (const m of row.emails) if (!isValidEmail(m)) add("email", `invalid email "${m.slice(0, 80)}"`);
  for (const p of row.phones) if (!isValidPhone(p)) add("phone", `invalid phone "${p.slice(0, 40)}"`);
  if (row.stage && !stageByLower.has(row.stage.toLowerCase()))
    add("stage", `unknown stage "${row.stage.slice(0, 40)}"`);
  if (row.birthday && !z.iso.date().safeParse(row.birthday).success)
    add("birthday", `invalid date "${row.birthday}"`);
  for (const t of row.tags) if (t.length > 60) add("tags", "tag longer than 60 characters");
  return e;
}

/** Largest time an upload may take to parse (off the event loop, in the worker pool). */
export const IMPORT_PARSE_BUDGET_MS = 30_000;

/** Parses an upload in the worker pool (call it before opening a transaction). */
export function parseImportUntrusted(input: {
  text: string;
  filename: string;
  mapping?: ColumnMapping;
}): Promise<ParsedImport> {
  return runUntrusted("importText", input, { timeoutMs: IMPORT_PARSE_BUDGET_MS });
}

/** Validates parsed rows, then checks emails against the user's contacts. */
export async function analyzeImport(
  tx: Tx,
  userId: string,
  input: { parsed: ParsedImport },
): Promise<Analysis> {
  const { format, headers, mapping, rows } = input.parsed;
  const errors: ImportIssue[] = [];
  const valid: ValidRow[] = [];
  for (const r of rows) {
    const e = validate(r);
    if (e.length) errors.push(...e);
    else valid.push({ ...r, stage: r.stage ? stageByLower.get(r.stage.toLowerCase()) : undefined });
  }
  const existing = await findContactsByEmails(
    tx,
    userId,
    valid.flatMap((r) => r.emails),
  );
  const phones = await existingPhones(
    tx,
    userId,
    valid.flatMap((r) => r.phones.map(normalizePhone)),
  );
  const seen = new Set<string>();
  const skipped: ImportIssue[] = [];
  const kept = valid.filter((r) => {
    const norms = r.emails.map(normalizeEmail);
    const pn = r.phones.map(normalizePhone);
    const hit = norms.find((n) => existing.has(n)) ?? pn.find((n) => phones.has(n));
    if (hit) return !skipped.push({ line: r.line, field: "email", message: `${hit} is already a contact` });
    const dup = [...norms, ...pn.map((n) => `tel:${n}`)].find((n) => seen.has(n));
    if (dup)
      return !skipped.push({ line: r.line, field: "email", message: `${dup} appears earlier in the file` });
    norms.forEach((n) => seen.add(n));
    pn.forEach((n) => seen.add(`tel:${n}`));
    return true;
  });
  return { format, headers, mapping, rows: kept, errors, skipped, totalRows: rows.length };
}

async function existingPhones(tx: Tx, userId: string, norms: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const all = [...new Set(norms)];
  for (let i = 0; i < all.length; i += 1000) {
    const rows = await tx
      .select({ v: contactIdentities.valueNormalized })
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.userId, userId),
          eq(contactIdentities.kind, "phone"),
          inArray(contactIdentities.valueNormalized, all.slice(i, i + 1000)),
        ),
      );
    rows.forEach((r) => out.add(r.v));
  }
  return out;
}
