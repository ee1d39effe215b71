import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contactsOfInteractions, enqueueEmbeds, enqueueInsights } from "../ai/jobs/enqueue-ai-jobs";
import { enqueuePromiseScans } from "../promises/enqueue-promise-scans";
import { isAiConfigured } from "../ai/provider";
import type { NormalizedItem } from "./normalize-email";
import { createContactsForCandidates, linkParticipants, type CreationPolicy } from "./resolve-contacts";
import { bumpBatchCounts } from "./batch-progress";
import { pgArray } from "../db/pg-array";

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
 * One transaction per chunk (one at a time per user): raw events, interactions (unique per user+source+source_id,
 * so re-runs never duplicate), new contacts per policy, participant links, batch counts,
 * the resume checkpoint and — with an AI provider — the `embed` jobs for the new or changed
 * interactions and the debounced `insight` jobs for the contacts that gained them. Either
 * all of a chunk lands or none of it.
 */
export async function importChunk(
  ctx: Ctx,
  input: ChunkInput,
): Promise<{ inserted: number; contacts: number }> {
  return withUser(ctx, async (tx) => {
    // One chunk per user at a time (Gmail's and Calendar's imports run side by side): a
    // chunk creating contact X and a concurrent one importing mail to X would otherwise each
    // miss the other's uncommitted rows, and the mail would stay unlinked.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`import-chunk:${ctx.userId}`}, 0))`);
    const now = new Date();
    const t: number[] = [performance.now()];
    for (let i = 0; i < input.raws.length; i += ROWS_PER_STATEMENT) {
      await insertRawEvents(tx, ctx.userId, input, input.raws.slice(i, i + ROWS_PER_STATEMENT), now);
    }
    t.push(performance.now());
    let inserted = 0;
    const written: string[] = [];
    for (let i = 0; i < input.items.length; i += ROWS_PER_STATEMENT) {
      const r = await insertInteractions(tx, ctx.userId, input, input.items.slice(i, i + ROWS_PER_STATEMENT));
      inserted += r.filter((x) => x.fresh).length;
      written.push(...r.map((x) => x.id));
    }
    t.push(performance.now());
    const created = await createContactsForCandidates(tx, ctx.userId, {
      candidates: input.items.flatMap((it) => it.candidates),
      policy: input.policy,
      source: input.provider === "gmail" ? "gmail_import" : "calendar_import",
      batchId: input.batchId,
    });
    t.push(performance.now());
    await linkParticipants(tx, ctx.userId, {
      source: input.provider,
      pairs: input.items.flatMap((it) =>
        it.interaction.metadata.participants.map((email) => ({ sourceId: it.interaction.sourceId, email })),
      ),
    });
    t.push(performance.now());
    ctx.log.debug(
      { ms: t.slice(1).map((x, i) => Math.round(x - t[i]!)) },
      "chunk timings raw/interactions/contacts/links",
    );
    let removed = 0;
    if (input.removals?.length)
      removed = await removeInteractions(tx, ctx.userId, input.provider, input.removals);
    if (written.length && isAiConfigured()) await enqueueAiWork(ctx, tx, input.batchId, written);
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

/** Pipeline tail: interactions → embeddings, contacts that gained them → insights, sent mail → promises. */
async function enqueueAiWork(ctx: Ctx, tx: Tx, batchId: string | null, interactionIds: string[]) {
  const target = { ...ctx, tx };
  await enqueueEmbeds(target, "interaction", interactionIds, { batchId });
  await enqueueInsights(target, await contactsOfInteractions(tx, ctx.userId, interactionIds));
  await enqueuePromiseScans(target, "interaction", interactionIds, { batchId });
}

async function insertRawEvents(
  tx: Tx,
  userId: string,
  input: ChunkInput,
  raws: ChunkInput["raws"],
  now: Date,
) {
  if (!raws.length) return;
  await tx.execute(sql`INSERT INTO raw_events (user_id, provider, source_id, occurred_at, payload, batch_id, processed_at)
    SELECT ${userId}::uuid, ${input.provider}, t.source_id, t.occurred_at::timestamptz, t.payload::jsonb, ${input.batchId}::uuid, ${now.toISOString()}::timestamptz
    FROM unnest(${pgArray(
      raws.map((r) => r.sourceId),
      "text",
    )}, ${pgArray(
      raws.map((r) => r.occurredAt?.toISOString()),
      "text",
    )},
      ${pgArray(
        raws.map((r) => r.payload),
        "jsonb",
      )}) AS t(source_id, occurred_at, payload)
    ON CONFLICT (user_id, provider, source_id) DO UPDATE SET payload = excluded.payload, processed_at = excluded.processed_at`);
}

/** New rows (fresh) and, for events, rows updated in place: both need (re-)embedding. */
async function insertInteractions(
  tx: Tx,
  userId: string,
  input: ChunkInput,
  items: NormalizedItem[],
): Promise<{ id: string; fresh: boolean }[]> {
  if (!items.length) return [];
  const d = items.map((it) => it.interaction);
  const col = <T>(f: (x: (typeof d)[number]) => T) => d.map(f);
  // Emails never change once sent; events do (time, title, attendees), so they update in place.
  const onConflict =
    input.provider === "gmail"
      ? sql`DO NOTHING RETURNING id, true AS fresh`
      : sql`DO UPDATE SET type = excluded.type, occurred_at = excluded.occurred_at, subject = excluded.subject,
          body = excluded.body, summary = excluded.summary, direction = excluded.direction,
          metadata = excluded.metadata, updated_at = now()
        RETURNING id, (xmax = 0) AS fresh`;
  const r = await tx.execute<{ id: string; fresh: boolean }>(sql`INSERT INTO interactions
      (user_id, type, source, source_id, occurred_at, subject, body, summary, direction, thread_id, metadata, batch_id)
    SELECT ${userId}::uuid, t.type, t.source, t.source_id, t.occurred_at::timestamptz, t.subject, t.body, t.summary,
      t.direction, t.thread_id, t.metadata::jsonb, ${input.batchId}::uuid
    FROM unnest(${pgArray(
      col((x) => x.type),
      "text",
    )}, ${pgArray(
      col((x) => x.source),
      "text",
    )},
      ${pgArray(
        col((x) => x.sourceId),
        "text",
      )}, ${pgArray(
        col((x) => x.occurredAt.toISOString()),
        "text",
      )},
      ${pgArray(
        col((x) => x.subject),
        "text",
      )}, ${pgArray(
        col((x) => x.body),
        "text",
      )},
      ${pgArray(
        col((x) => x.summary),
        "text",
      )}, ${pgArray(
        col((x) => x.direction),
        "text",
      )},
      ${pgArray(
        col((x) => x.threadId),
        "text",
      )}, ${pgArray(
        col((x) => x.metadata),
        "jsonb",
      )})
      AS t(type, source, source_id, occurred_at, subject, body, summary, direction, thread_id, metadata)
    ON CONFLICT (user_id, source, source_id) ${onConflict}`);
  return r.rows;
}

async function removeInteractions(tx: Tx, userId: string, source: string, sourceIds: string[]) {
  const r = await tx.execute<{
    id: string;
  }>(sql`DELETE FROM interactions WHERE user_id = ${userId} AND source = ${source}
    AND source_id = ANY(${pgArray(sourceIds, "text")})
    RETURNING id`);
  const ids = r.rows.map((x) => x.id);
  if (ids.length)
    await tx.execute(sql`DELETE FROM embeddings WHERE user_id = ${userId} AND owner_type = 'interaction'
      AND owner_id = ANY(${pgArray(ids, "uuid")})`);
  return ids.length;
}
