import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { AppError } from "../../errors";
import { enqueueMany, type EnqueueItem } from "../../jobs/enqueue";
import { requireAi } from "../provider";
import { BACKFILL_OWNER_TYPES, eligibleOwners, isIndexed, liveEmbedOwners } from "./backfill-sql";
import type { EmbeddingBackfill } from "./schemas";

/** Owners per `embed` job (the payload's limit). */
const OWNERS_PER_JOB = 100;
/** Owners queued per call: a huge mailbox is filled in a few calls or scheduler ticks. */
export const BACKFILL_MAX_OWNERS = 5_000;

/**
 * Queues `embed` jobs for the user's contacts, interactions and notes that have no
 * embedding for the current model and dimensions — content written before a provider was
 * configured, or embedded with another model. Items already waiting in a live `embed` job
 * are left out, and each job carries a dedupe key, so calling it again (even concurrently)
 * queues nothing new while the first jobs are live. Costs AI budget only when the jobs run
 * (the embed job goes through the guardrails: daily cost cap, usage and cost recorded).
 */
export async function backfillEmbeddings(
  ctx: Ctx,
  input: { maxOwners?: number } = {},
): Promise<EmbeddingBackfill> {
  const ai = requireAi();
  if (!(await dbCapabilities(ctx.db)).vector)
    throw new AppError(
      "service_unavailable",
      "This database has no pgvector extension, so nothing can be embedded: search stays keyword-only.",
      { reason: "no_pgvector", hint: "Install pgvector in Postgres and restart; see docs/ai.md." },
    );
  const max = input.maxOwners ?? BACKFILL_MAX_OWNERS;
  return withUser(ctx, async (tx) => {
    const items: EnqueueItem<"embed">[] = [];
    let left = max;
    let more = false;
    for (const type of BACKFILL_OWNER_TYPES) {
      const r = await tx.execute<{ id: string }>(sql`
        WITH live AS (${liveEmbedOwners(ctx.userId)})
        SELECT o.id FROM (${eligibleOwners(type, ctx.userId)}) o
        WHERE NOT ${isIndexed(type, ai.embeddingModelId, ai.dims)}
          AND o.id NOT IN (SELECT l.id FROM live l WHERE l.t = ${type})
        ORDER BY o.id LIMIT ${left + 1}`);
      const ids = r.rows.map((x) => x.id);
      if (ids.length > left) more = true;
      const take = ids.slice(0, left);
      left -= take.length;
      for (let i = 0; i < take.length; i += OWNERS_PER_JOB) {
        const ownerIds = take.slice(i, i + OWNERS_PER_JOB);
        items.push({
          kind: "embed",
          payload: { ownerType: type, ownerIds },
          dedupeKey: `embed-backfill:${type}:${ownerIds[0]}`,
        });
      }
      if (more) break;
    }
    const res = await enqueueMany({ ...ctx, tx }, items);
    const fresh = items.filter((_, i) => !res[i]!.deduped);
    const queued = fresh.reduce((n, it) => n + it.payload.ownerIds.length, 0);
    if (queued) ctx.log.info({ queued, jobs: fresh.length, more }, "embedding backfill queued");
    return { queued, jobs: fresh.length, more };
  });
}
