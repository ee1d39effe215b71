import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { interactions, rawEvents } from "../db/schema/interactions";
import { withUser, type Tx } from "../db/with-user";
import type { NormalizedItem } from "./normalize-email";
import { createContactsForCandidates, linkParticipants, type CreationPolicy } from "./resolve-contacts";
import { bumpBatchCounts } from "./batch-progress";

export type ChunkInput = {
  provider: "gmail" | "calendar";
  batchId: string | null;
  policy: CreationPolicy;
  items: NormalizedItem[];
  raws: { sourceId: string; occurredAt: Date | null; payload: unknown }[];
  /** Items looked at (fetched or skipped by filters); defaults to raws.length. */
  processed?: number;
  /** Source ids to delete (cancelled events) instead of import. */
  removals?: string[];
  /** Checkpoint written in the same transaction as the rows it covers. */
  checkpoint?: Record<string, string | number | null>;
};

const ROWS_PER_STATEMENT = 1000;

/**
 * One transaction per chunk: raw events, interactions (unique per user+source+source_id,
 * so re-runs never duplicate), new contacts per policy, participant links, batch counts
 * and the resume checkpoint. Either all of a chunk lands or none of it.
 */
export async function importChunk(
  ctx: Ctx,
  input: ChunkInput,
): Promise<{ inserted: number; contacts: number }> {
  return withUser(ctx.db, ctx.userId, async (tx) => {
    const now = new Date();
    for (let i = 0; i < input.raws.length; i += ROWS_PER_STATEMENT) {
      const part = input.raws.slice(i, i + ROWS_PER_STATEMENT);
      await tx
        .insert(rawEvents)
        .values(
          part.map((r) => ({
            userId: ctx.userId,
            provider: input.provider,
            sourceId: r.sourceId,
            occurredAt: r.occurredAt,
            payload: r.payload as object,
            batchId: input.batchId,
            processedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [rawEvents.userId, rawEvents.provider, rawEvents.sourceId],
          set: { payload: sql`excluded.payload`, processedAt: now },
        });
    }
    let inserted = 0;
    for (let i = 0; i < input.items.length; i += ROWS_PER_STATEMENT) {
      inserted += await insertInteractions(
        tx,
        ctx.userId,
        input,
        input.items.slice(i, i + ROWS_PER_STATEMENT),
      );
    }
    const created = await createContactsForCandidates(tx, ctx.userId, {
      candidates: input.items.flatMap((it) => it.candidates),
      policy: input.policy,
      source: input.provider === "gmail" ? "gmail_import" : "calendar_import",
      batchId: input.batchId,
    });
    await linkParticipants(tx, ctx.userId, {
      source: input.provider,
      sourceIds: input.items.map((it) => it.interaction.sourceId),
    });
    let removed = 0;
    if (input.removals?.length)
      removed = await removeInteractions(tx, ctx.userId, input.provider, input.removals);
    if (input.batchId) {
      await bumpBatchCounts(tx, ctx.userId, input.batchId, {
        add: {
          done: input.processed ?? input.raws.length,
          imported: inserted,
          contactsCreated: created,
          removed,
        },
        set: input.checkpoint,
      });
    }
    return { inserted, contacts: created };
  });
}

async function insertInteractions(tx: Tx, userId: string, input: ChunkInput, items: NormalizedItem[]) {
  if (!items.length) return 0;
  const values = items.map(({ interaction: d }) => ({ ...d, userId, batchId: input.batchId }));
  const q = tx.insert(interactions).values(values);
  // Emails never change once sent; events do (time, title, attendees), so they update in place.
  const rows =
    input.provider === "gmail"
      ? await q.onConflictDoNothing().returning({ id: interactions.id })
      : await q
          .onConflictDoUpdate({
            target: [interactions.userId, interactions.source, interactions.sourceId],
            set: {
              type: sql`excluded.type`,
              occurredAt: sql`excluded.occurred_at`,
              subject: sql`excluded.subject`,
              body: sql`excluded.body`,
              summary: sql`excluded.summary`,
              direction: sql`excluded.direction`,
              metadata: sql`excluded.metadata`,
              updatedAt: new Date(),
            },
          })
          .returning({ id: interactions.id, fresh: sql<boolean>`(xmax = 0)` });
  return rows.filter((r) => !("fresh" in r) || r.fresh).length;
}

async function removeInteractions(tx: Tx, userId: string, source: string, sourceIds: string[]) {
  const r = await tx.execute(sql`DELETE FROM interactions WHERE user_id = ${userId} AND source = ${source}
    AND source_id = ANY(${`{${sourceIds.map((s) => `"${s.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[])
    RETURNING id`);
  return r.rows.length;
}
