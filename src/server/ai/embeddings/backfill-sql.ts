import { sql, type SQL } from "drizzle-orm";

export const BACKFILL_OWNER_TYPES = ["contact", "interaction", "note"] as const;
export type BackfillOwnerType = (typeof BACKFILL_OWNER_TYPES)[number];

/**
 * The rows of one owner type that have text to embed, as `x` with `x.id` and `x.user_id`.
 * The text mirrors owner-texts.ts: an interaction or note with no text gets no chunk, so it
 * must not count as missing. Contacts always have text (name, stage).
 */
export function eligibleOwners(type: BackfillOwnerType, userId?: string): SQL {
  const mine = (col: SQL) => (userId ? sql`AND ${col} = ${userId}` : sql``);
  return {
    contact: sql`SELECT x.id, x.user_id FROM contacts x WHERE x.deleted_at IS NULL ${mine(sql`x.user_id`)}`,
    interaction: sql`SELECT x.id, x.user_id FROM interactions x
      WHERE concat_ws(E'\n', x.subject, coalesce(x.summary, x.body)) ~ '\\S' ${mine(sql`x.user_id`)}`,
    note: sql`SELECT x.id, x.user_id FROM notes x WHERE x.body ~ '\\S' ${mine(sql`x.user_id`)}`,
  }[type];
}

/**
 * True for an owner row `o` whose first chunk is stored for the current model and
 * dimensions. (A changed text is re-embedded by the change-triggered pipeline and the
 * job's content hash; the backfill only fills what was never embedded with this model.)
 */
export function isIndexed(type: BackfillOwnerType, model: string, dims: number): SQL {
  return sql`EXISTS (SELECT 1 FROM embeddings e WHERE e.user_id = o.user_id AND e.owner_type = ${type}
    AND e.owner_id = o.id AND e.chunk_index = 0 AND e.model = ${model} AND e.dims = ${dims})`;
}

/** Owner ids (with their type) already waiting in a live `embed` job of the user. */
export function liveEmbedOwners(userId: string): SQL {
  return sql`SELECT j.payload->>'ownerType' AS t, jsonb_array_elements_text(j.payload->'ownerIds')::uuid AS id
    FROM jobs j WHERE j.user_id = ${userId} AND j.kind = 'embed' AND j.status IN ('queued', 'running', 'error')`;
}
