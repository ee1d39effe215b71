import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncAudit, syncBatches } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { cancelJobsForBatch } from "../jobs/cancel-jobs-for-batch";
import { pgArray } from "../db/pg-array";

export type UndoResult = {
  batchId: string;
  alreadyUndone: boolean;
  removed: { interactions: number; rawEvents: number; contacts: number; jobsCancelled: number };
};

/**
 * Undoes an import in one transaction: cancels its unfinished jobs, deletes its raw events
 * and interactions (with their embeddings), then the contacts it created that have gained no
 * other interaction and no user edit since. Idempotent: a second undo changes nothing and says so.
 */
export async function undoBatch(ctx: Ctx, input: { batchId?: string }): Promise<UndoResult> {
  if (!input.batchId) throw new AppError("missing_batchId");
  const batchId = input.batchId;
  return withUser(ctx, async (tx) => {
    const [batch] = await tx
      .select()
      .from(syncBatches)
      .where(and(eq(syncBatches.id, batchId), eq(syncBatches.userId, ctx.userId)))
      .for("update");
    if (!batch) throw new AppError("not_found", "batch not found");
    const removed = { interactions: 0, rawEvents: 0, contacts: 0, jobsCancelled: 0 };
    if (batch.status === "undone") return { batchId, alreadyUndone: true, removed };
    removed.jobsCancelled = await cancelJobsForBatch(tx, ctx.userId, batchId);
    const u = ctx.userId;
    const raw = await tx.execute(
      sql`DELETE FROM raw_events WHERE user_id = ${u} AND batch_id = ${batchId}::uuid RETURNING 1`,
    );
    removed.rawEvents = raw.rows.length;
    // Contacts to re-evaluate: the ones this batch created and the ones its interactions touched.
    const touched = await tx.execute<{
      contact_id: string;
    }>(sql`SELECT DISTINCT ic.contact_id FROM interaction_contacts ic
      JOIN interactions i ON i.id = ic.interaction_id
      WHERE i.user_id = ${u} AND i.batch_id = ${batchId}::uuid`);
    // Embeddings have no foreign key (one table for every owner type): remove them explicitly.
    await tx.execute(sql`DELETE FROM embeddings WHERE user_id = ${u} AND owner_type = 'interaction'
      AND owner_id IN (SELECT id FROM interactions WHERE user_id = ${u} AND batch_id = ${batchId}::uuid)`);
    const inter = await tx.execute(
      sql`DELETE FROM interactions WHERE user_id = ${u} AND batch_id = ${batchId}::uuid RETURNING 1`,
    );
    removed.interactions = inter.rows.length;
    const gone = await tx.execute<{
      id: string;
    }>(sql`DELETE FROM contacts c WHERE c.user_id = ${u} AND c.batch_id = ${batchId}::uuid
      AND c.user_edited_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.contact_id = c.id)
      RETURNING c.id`);
    removed.contacts = gone.rows.length;
    if (gone.rows.length)
      await tx.execute(sql`DELETE FROM embeddings WHERE user_id = ${u} AND owner_type = 'contact'
        AND owner_id = ANY(${pgArray(
          gone.rows.map((r) => r.id),
          "uuid",
        )})`);
    const ids = touched.rows.map((r) => r.contact_id);
    if (ids.length) {
      await tx.execute(sql`UPDATE contacts c SET last_interaction_at = (SELECT max(ic.occurred_at) FROM interaction_contacts ic
        WHERE ic.contact_id = c.id) WHERE c.user_id = ${u} AND c.id = ANY(${pgArray(ids, "uuid")})`);
    }
    await tx
      .update(syncBatches)
      .set({ status: "undone", undoneAt: new Date(), updatedAt: new Date() })
      .where(and(eq(syncBatches.id, batchId), eq(syncBatches.userId, u)));
    await tx
      .insert(syncAudit)
      .values({ userId: u, provider: batch.provider, action: "undo", batchId, payload: removed });
    return { batchId, alreadyUndone: false, removed };
  });
}
