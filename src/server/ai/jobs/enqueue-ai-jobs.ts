import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Ctx } from "../../context";
import { withUser, type Tx } from "../../db/with-user";
import { enqueueMany, type EnqueueTarget } from "../../jobs/enqueue";
import { isAiConfigured } from "../provider";
import { pgArray } from "../../db/pg-array";

type OwnerType = "contact" | "interaction" | "note";

/** Owners per `embed` job (the payload's limit); each job batches its provider calls itself. */
const OWNERS_PER_JOB = 100;
/** Insight jobs wait a little so the chunks of one import coalesce into one job per contact. */
export const INSIGHT_DELAY_MS = 10 * 60_000;

const vectorByDb = new WeakMap<object, boolean>();

/**
 * Whether the database can store embeddings (pgvector). Asked through the caller's
 * transaction when there is one — on PGlite a second query outside an open transaction
 * would wait for it — and remembered per database.
 */
async function canStoreVectors(target: EnqueueTarget): Promise<boolean> {
  const known = vectorByDb.get(target.db);
  if (known !== undefined) return known;
  const run = async (tx: Tx) =>
    (
      await tx.execute<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM information_schema.columns
        WHERE table_name = 'embeddings' AND column_name = 'embedding') AS ok`)
    ).rows[0]?.ok === true;
  const ok = await withUser(target, run);
  vectorByDb.set(target.db, ok);
  return ok;
}

/**
 * Queues `embed` jobs for rows whose text is new or changed. With no provider configured,
 * or no pgvector in the database, nothing is queued (the jobs could only be skipped); the
 * job itself skips unchanged chunks by content hash, so queueing the same rows twice costs
 * no model call.
 */
export async function enqueueEmbeds(
  target: EnqueueTarget,
  ownerType: OwnerType,
  ids: string[],
  opts: { batchId?: string | null } = {},
): Promise<number> {
  const unique = [...new Set(ids)];
  if (!unique.length || !isAiConfigured() || !(await canStoreVectors(target))) return 0;
  const items = [];
  for (let i = 0; i < unique.length; i += OWNERS_PER_JOB)
    items.push({
      kind: "embed" as const,
      payload: { ownerType, ownerIds: unique.slice(i, i + OWNERS_PER_JOB) },
      batchId: opts.batchId ?? null,
    });
  return (await enqueueMany(target, items)).length;
}

/**
 * Queues one `insight` job per contact that gained interactions, debounced: one live job
 * per contact (dedupe key), starting no earlier than AI_INSIGHT_DEBOUNCE_HOURS after that
 * contact's latest insight — so a contact gets at most one regeneration a day however many
 * imports touch it. The job re-checks and skips when the material did not change. No batch
 * id: one job may serve several imports, so undoing one must not cancel it (a contact the
 * undo removed makes the job a no-op).
 */
export async function enqueueInsights(target: EnqueueTarget, contactIds: string[]): Promise<number> {
  const unique = [...new Set(contactIds)];
  if (!unique.length || !isAiConfigured()) return 0;
  const latest = await withUser(target, (tx) => latestInsights(tx, target.userId, unique));
  const debounceMs = env().AI_INSIGHT_DEBOUNCE_HOURS * 3_600_000;
  const soonest = Date.now() + INSIGHT_DELAY_MS;
  const items = unique.map((contactId) => {
    const last = latest.get(contactId);
    return {
      kind: "insight" as const,
      payload: { contactId, kind: "summary" },
      dedupeKey: `insight:${contactId}`,
      runAfter: new Date(Math.max(soonest, last ? last + debounceMs : 0)),
    };
  });
  const r = await enqueueMany(target, items);
  return r.filter((x) => !x.deduped).length;
}

async function latestInsights(tx: Tx, userId: string, ids: string[]): Promise<Map<string, number>> {
  const r = await tx.execute<{ id: string; at: string }>(sql`
    SELECT subject_id AS id, max(created_at)::text AS at FROM ai_insights
    WHERE user_id = ${userId} AND subject_type = 'contact' AND subject_id = ANY(${pgArray(ids, "uuid")})
    GROUP BY subject_id`);
  return new Map(r.rows.map((x) => [x.id, new Date(x.at).getTime()]));
}

/** Contacts linked to the given interactions (the ones that gained them). */
export async function contactsOfInteractions(
  tx: Tx,
  userId: string,
  interactionIds: string[],
): Promise<string[]> {
  if (!interactionIds.length) return [];
  const r = await tx.execute<{ contact_id: string }>(sql`
    SELECT DISTINCT contact_id FROM interaction_contacts
    WHERE user_id = ${userId} AND interaction_id = ANY(${pgArray(interactionIds, "uuid")})`);
  return r.rows.map((x) => x.contact_id);
}

/**
 * At the end of an import: insights for every contact linked to the batch's interactions,
 * including contacts created late in the run whose earlier mail was linked only then.
 */
export async function enqueueInsightsForBatch(ctx: Ctx, batchId: string): Promise<number> {
  if (!isAiConfigured()) return 0;
  return withUser(ctx, async (tx) =>
    enqueueInsights({ ...ctx, tx }, await contactsOfBatch(tx, ctx.userId, batchId)),
  );
}

/** Contacts linked to any interaction of an import batch. */
async function contactsOfBatch(tx: Tx, userId: string, batchId: string): Promise<string[]> {
  const r = await tx.execute<{ contact_id: string }>(sql`
    SELECT DISTINCT ic.contact_id FROM interaction_contacts ic
    JOIN interactions i ON i.id = ic.interaction_id
    WHERE i.user_id = ${userId} AND i.batch_id = ${batchId}::uuid`);
  return r.rows.map((x) => x.contact_id);
}
