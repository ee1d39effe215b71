import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { syncBatches } from "../db/schema/sync";
import { AppError } from "../errors";
import { cancelJobsForBatch } from "../jobs/cancel-jobs-for-batch";

export const importBatchSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  status: z.string(),
  counts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});

const FILE_PROVIDERS = ["csv", "vcard"];

/** Removes every contact an import batch created (with their identities, notes, links and embeddings). */
export async function undoImport(
  ctx: Ctx,
  input: { batchId: string },
): Promise<{ batchId: string; removed: number }> {
  const u = ctx.userId;
  return withUser(ctx, async (tx) => {
    const [b] = await tx
      .select()
      .from(syncBatches)
      .where(
        and(
          eq(syncBatches.userId, u),
          eq(syncBatches.id, input.batchId),
          inArray(syncBatches.provider, FILE_PROVIDERS),
        ),
      );
    if (!b) throw new AppError("not_found", "import not found");
    if (b.undoneAt) return { batchId: b.id, removed: 0 };
    await cancelJobsForBatch(tx, u, b.id); // e.g. its pending embed jobs
    // Embeddings have no foreign key: drop those of the notes and contacts about to go.
    await tx.execute(sql`DELETE FROM embeddings e WHERE e.user_id = ${u} AND (
      (e.owner_type = 'note' AND e.owner_id IN (SELECT n.id FROM notes n JOIN contacts c ON c.id = n.contact_id
        WHERE c.user_id = ${u} AND c.batch_id = ${b.id}::uuid AND c.source = 'csv_import'))
      OR (e.owner_type = 'contact' AND e.owner_id IN (SELECT id FROM contacts
        WHERE user_id = ${u} AND batch_id = ${b.id}::uuid AND source = 'csv_import')))`);
    const removed = await tx
      .delete(contacts)
      .where(and(eq(contacts.userId, u), eq(contacts.batchId, b.id), eq(contacts.source, "csv_import")))
      .returning({ id: contacts.id });
    await tx
      .update(syncBatches)
      .set({ status: "undone", undoneAt: new Date(), updatedAt: new Date() })
      .where(and(eq(syncBatches.userId, u), eq(syncBatches.id, b.id), isNull(syncBatches.undoneAt)));
    return { batchId: b.id, removed: removed.length };
  });
}

export async function listImports(ctx: Ctx): Promise<{ items: z.infer<typeof importBatchSchema>[] }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(syncBatches)
      .where(and(eq(syncBatches.userId, ctx.userId), inArray(syncBatches.provider, FILE_PROVIDERS)))
      .orderBy(desc(syncBatches.createdAt))
      .limit(200);
    return {
      items: rows.map((r) => ({
        id: r.id,
        provider: r.provider,
        status: r.status,
        counts: r.counts,
        createdAt: r.createdAt.toISOString(),
        undoneAt: r.undoneAt?.toISOString() ?? null,
      })),
    };
  });
}
