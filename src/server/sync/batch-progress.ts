import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncBatches } from "../db/schema/sync";
import { withUser, type Tx } from "../db/with-user";
import { pgArray } from "../db/pg-array";

export type BatchRow = typeof syncBatches.$inferSelect;
/** counts holds numeric tallies plus the resume checkpoint (page tokens are strings). */
export type BatchCounts = Record<string, number | string | null>;

/** Adds to numeric counts and sets checkpoint keys, atomically in the caller's transaction. */
export async function bumpBatchCounts(
  tx: Tx,
  userId: string,
  batchId: string,
  p: { add?: Record<string, number>; set?: Record<string, string | number | null> },
): Promise<void> {
  let expr = sql`counts`;
  for (const [k, v] of Object.entries(p.add ?? {})) {
    if (!v) continue;
    expr = sql`jsonb_set(${expr}, ${pgArray([k], "text")}, to_jsonb(COALESCE((counts->>${k})::bigint, 0) + ${v}::bigint))`;
  }
  if (p.set && Object.keys(p.set).length) expr = sql`${expr} || ${JSON.stringify(p.set)}::jsonb`;
  await tx.execute(sql`UPDATE sync_batches SET counts = ${expr}, updated_at = now(),
    status = CASE WHEN status = 'queued' THEN 'importing' ELSE status END
    WHERE id = ${batchId}::uuid AND user_id = ${userId}`);
}

export async function loadBatch(ctx: Ctx, batchId: string): Promise<BatchRow | null> {
  return withUser(ctx, async (tx) => {
    const [b] = await tx
      .select()
      .from(syncBatches)
      .where(and(eq(syncBatches.id, batchId), eq(syncBatches.userId, ctx.userId)));
    return b ?? null;
  });
}

export async function setBatch(
  ctx: Ctx,
  batchId: string,
  p: { status?: BatchRow["status"]; set?: Record<string, string | number | null> },
): Promise<void> {
  await withUser(ctx, (tx) =>
    tx.execute(sql`UPDATE sync_batches SET updated_at = now()
      ${p.status ? sql`, status = ${p.status}` : sql``}
      ${p.set ? sql`, counts = counts || ${JSON.stringify(p.set)}::jsonb` : sql``}
      WHERE id = ${batchId}::uuid AND user_id = ${ctx.userId} AND status <> 'undone'`),
  );
}
