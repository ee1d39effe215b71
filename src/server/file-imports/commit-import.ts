import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contactIdentities, contacts, contactTags, notes, tags } from "../db/schema/contacts";
import { syncBatches } from "../db/schema/sync";
import { AppError } from "../errors";
import { normalizeEmail, normalizePhone } from "../contacts/identity-normalize";
import { recomputeLastInteraction } from "../contacts/recompute-last-interaction";
import { enqueueEmbeds, enqueueInsights } from "../ai/jobs/enqueue-ai-jobs";
import { isAiConfigured } from "../ai/provider";
import { analyzeImport, importIssueSchema, parseImportUntrusted, type ValidRow } from "./analyze-import";
import type { ColumnMapping } from "./map-columns";
import { pgArray } from "../db/pg-array";

export const commitImportResultSchema = z.object({
  batchId: z.uuid(),
  created: z.number().int(),
  skipped: z.array(importIssueSchema),
  errors: z.array(importIssueSchema),
});
export type CommitImportResult = z.infer<typeof commitImportResultSchema>;

/** Tag names → ids, creating missing tags (case-insensitive match on existing names). */
async function tagIdsByName(tx: Tx, userId: string, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  if (wanted.length)
    await tx
      .insert(tags)
      .values(wanted.map((name) => ({ userId, name })))
      .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.userId, userId));
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

async function insertRows(
  tx: Tx,
  userId: string,
  batchId: string,
  rows: ValidRow[],
): Promise<{ ids: string[]; noteIds: string[] }> {
  const tagIds = await tagIdsByName(
    tx,
    userId,
    rows.flatMap((r) => r.tags),
  );
  const ids: string[] = [];
  const noteIds: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, id: randomUUID() }));
    await tx.insert(contacts).values(
      chunk.map((r) => ({
        id: r.id,
        userId,
        displayName: r.displayName.trim(),
        stage: r.stage,
        source: "csv_import" as const,
        batchId,
        birthday: r.birthday ?? null,
        address: r.address ?? null,
        referralSource: r.referralSource ?? null,
        communicationPreference: r.communicationPreference ?? null,
        preferredSessionTimes: r.preferredSessionTimes ?? null,
      })),
    );
    const idents = chunk.flatMap((r) => [
      ...[...new Map(r.emails.map((e) => [normalizeEmail(e), e.trim()])).entries()].map(([n, v], k) => ({
        userId,
        contactId: r.id,
        kind: "email" as const,
        value: v,
        valueNormalized: n,
        isPrimary: k === 0,
      })),
      ...[...new Map(r.phones.map((p) => [normalizePhone(p), p.trim()])).entries()].map(([n, v], k) => ({
        userId,
        contactId: r.id,
        kind: "phone" as const,
        value: v,
        valueNormalized: n,
        isPrimary: k === 0,
      })),
    ]);
    if (idents.length) await tx.insert(contactIdentities).values(idents);
    const links = chunk.flatMap((r) =>
      [...new Set(r.tags.map((t) => tagIds.get(t.toLowerCase())).filter((x): x is string => !!x))].map(
        (tagId) => ({
          userId,
          contactId: r.id,
          tagId,
        }),
      ),
    );
    if (links.length) await tx.insert(contactTags).values(links).onConflictDoNothing();
    const noteRows = chunk
      .filter((r) => r.notes?.trim())
      .map((r) => ({ userId, contactId: r.id, body: r.notes!.trim() }));
    if (noteRows.length)
      noteIds.push(...(await tx.insert(notes).values(noteRows).returning({ id: notes.id })).map((n) => n.id));
    // Past emails/meetings with these people (metadata.participants) join their timelines.
    await tx.execute(sql`
      INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
      SELECT ${userId}, i.id, ci.contact_id, i.occurred_at
      FROM contact_identities ci JOIN interactions i
        ON i.user_id = ${userId} AND i.metadata -> 'participants' ? ci.value_normalized
      WHERE ci.user_id = ${userId} AND ci.kind = 'email' AND ci.contact_id IN (${sql.join(
        chunk.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})
      ON CONFLICT DO NOTHING`);
    ids.push(...chunk.map((r) => r.id));
  }
  await recomputeLastInteraction(tx, userId, ids);
  return { ids, noteIds };
}

/** With an AI provider: embed the new contacts and notes; insights for those with past interactions. */
async function enqueueAiWork(ctx: Ctx, tx: Tx, batchId: string, ids: string[], noteIds: string[]) {
  if (!isAiConfigured() || !ids.length) return;
  const target = { ...ctx, tx };
  await enqueueEmbeds(target, "contact", ids, { batchId });
  await enqueueEmbeds(target, "note", noteIds, { batchId });
  const linked = await tx.execute<{ contact_id: string }>(sql`
    SELECT DISTINCT contact_id FROM interaction_contacts
    WHERE user_id = ${ctx.userId} AND contact_id = ANY(${pgArray(ids, "uuid")})`);
  await enqueueInsights(
    target,
    linked.rows.map((r) => r.contact_id),
  );
}

/**
 * Imports the good rows of a CSV/vCard as one batch (undoable). With bad rows the import
 * only proceeds when `confirm` is true; otherwise 422 lists every bad row by line number.
 */
export async function commitImport(
  ctx: Ctx,
  input: { text: string; filename: string; mapping?: ColumnMapping; confirm?: boolean },
): Promise<CommitImportResult> {
  const u = ctx.userId;
  const parsed = await parseImportUntrusted(input);
  return withUser(ctx, async (tx) => {
    const a = await analyzeImport(tx, u, { parsed });
    if (a.errors.length && !input.confirm)
      throw new AppError(
        "unprocessable",
        `${new Set(a.errors.map((e) => e.line)).size} rows have errors; confirm to import the rest`,
        {
          errors: a.errors,
          validRows: a.rows.length,
        },
      );
    const [batch] = await tx
      .insert(syncBatches)
      .values({ userId: u, provider: a.format === "vcard" ? "vcard" : "csv", status: "importing" })
      .returning({ id: syncBatches.id });
    const batchId = batch!.id;
    const { ids, noteIds } = await insertRows(tx, u, batchId, a.rows);
    await enqueueAiWork(ctx, tx, batchId, ids, noteIds);
    const counts = { contacts: ids.length, skipped: a.skipped.length, errors: a.errors.length };
    await tx
      .update(syncBatches)
      .set({ status: "done", counts, updatedAt: new Date() })
      .where(and(eq(syncBatches.userId, u), eq(syncBatches.id, batchId)));
    ctx.log.info({ batchId, ...counts }, "contacts imported");
    return { batchId, created: ids.length, skipped: a.skipped, errors: a.errors };
  });
}
