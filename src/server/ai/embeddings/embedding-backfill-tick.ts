import { sql } from "drizzle-orm";
import type { SystemCtx } from "../../context";
import { dbCapabilities } from "../../db/capabilities";
import { withSystem } from "../../db/with-user";
import { resolveModels } from "../provider";
import { BACKFILL_OWNER_TYPES, eligibleOwners, isIndexed } from "./backfill-sql";
import { backfillEmbeddings } from "./backfill-embeddings";
import { pgArray } from "../../db/pg-array";

/** Users handled per tick; the rest are picked up by the next tick. */
const USERS_PER_TICK = 200;

/**
 * The scheduled backfill (shortly after start, then every few hours, in both queue modes):
 * with a provider and pgvector, finds the users who own content with no embedding for the
 * current model and queues theirs. Users whose content is fully indexed cost one
 * anti-join; users whose missing items are all queued already are not visited.
 * `onlyUserIds` restricts a tick to some users (tests).
 */
export async function embeddingBackfillTick(
  ctx: SystemCtx,
  o: { onlyUserIds?: string[] } = {},
): Promise<{ users: number; queued: number }> {
  const ai = resolveModels();
  if (!ai || !(await dbCapabilities(ctx.db)).vector) return { users: 0, queued: 0 };
  const only = o.onlyUserIds ? sql`AND o.user_id = ANY(${pgArray(o.onlyUserIds, "uuid")})` : sql``;
  // Items already in a live embed job do not count, so queued users do not hold the slots.
  const missing = BACKFILL_OWNER_TYPES.map(
    (t) => sql`SELECT DISTINCT o.user_id FROM (${eligibleOwners(t)}) o
      WHERE NOT ${isIndexed(t, ai.embeddingModelId, ai.dims)} ${only}
        AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.user_id = o.user_id AND j.kind = 'embed'
          AND j.status IN ('queued', 'running', 'error') AND j.payload->>'ownerType' = ${t}
          AND j.payload->'ownerIds' ? o.id::text)`,
  );
  const r = await withSystem(ctx.db, (tx) =>
    tx.execute<{ user_id: string }>(sql`SELECT user_id FROM (${sql.join(missing, sql` UNION `)}) u
      ORDER BY user_id LIMIT ${USERS_PER_TICK}`),
  );
  let queued = 0;
  for (const { user_id: userId } of r.rows) {
    try {
      queued += (await backfillEmbeddings({ db: ctx.db, userId, log: ctx.log.child({ userId }) })).queued;
    } catch (e) {
      ctx.log.error({ err: e, userId }, "embedding backfill failed for a user");
    }
  }
  if (queued) ctx.log.info({ users: r.rows.length, queued }, "embedding backfill tick");
  return { users: r.rows.length, queued };
}
