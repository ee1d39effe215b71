import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { analyzeImport, importFormats, importIssueSchema, parseImportUntrusted } from "./analyze-import";
import { columnMappingSchema, importFields, type ColumnMapping } from "./map-columns";

export const importPreviewSchema = z.object({
  format: z.enum(importFormats),
  headers: z.array(z.string()),
  /** Header → field guessed (or as given); send back edited as `mapping` to preview/commit. */
  mapping: columnMappingSchema,
  fields: z.array(z.enum(importFields)),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Every problem, by 1-based line number of the uploaded file. */
  errors: z.array(importIssueSchema),
  skipped: z.array(importIssueSchema),
  /** The first 20 rows as they would be imported. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      displayName: z.string(),
      emails: z.array(z.string()),
      phones: z.array(z.string()),
      stage: z.string().nullable(),
      tags: z.array(z.string()),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Dry run of an import: nothing is written. */
export async function previewImport(
  ctx: Ctx,
  input: { text: string; filename: string; mapping?: ColumnMapping },
): Promise<ImportPreview> {
  // Parse first, in the worker pool with a time budget; the transaction only does lookups.
  const parsed = await parseImportUntrusted(input);
  return withUser(ctx, async (tx) => {
    const a = await analyzeImport(tx, ctx.userId, { parsed });
    return {
      format: a.format,
      headers: a.headers,
      mapping: a.mapping,
      fields: [...importFields],
      totalRows: a.totalRows,
      validRows: a.rows.length,
      errors: a.errors,
      skipped: a.skipped,
      sample: a.rows.slice(0, 20).map((r) => ({
        line: r.line,
        displayName: r.displayName,
        emails: r.emails,
        phones: r.phones,
        stage: r.stage ?? null,
        tags: r.tags,
      })),
    };
  });
}
