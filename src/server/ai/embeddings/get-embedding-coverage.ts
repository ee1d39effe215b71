import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { dbCapabilities } from "../../db/capabilities";
import { withUser } from "../../db/with-user";
import { resolveModels } from "../provider";
import {
  BACKFILL_OWNER_TYPES,
  eligibleOwners,
  isIndexed,
  liveEmbedOwners,
  type BackfillOwnerType,
} from "./backfill-sql";
import type { EmbeddingCoverage } from "./schemas";

type Counts = { total: number; indexed: number; pending: number };

/**
 * How much of the user's searchable content is embedded with the current model: one
 * counting query per owner type (index-backed anti-joins), cheap enough for a settings page.
 */
export async function getEmbeddingCoverage(ctx: Ctx): Promise<EmbeddingCoverage> {
  const ai = resolveModels();
  const vector = (await dbCapabilities(ctx.db)).vector;
  const status = !ai ? "no_provider" : !vector ? "no_pgvector" : "ready";
  const counts = await withUser(ctx, async (tx) => {
    const out = new Map<BackfillOwnerType, Counts>();
    for (const type of BACKFILL_OWNER_TYPES) {
      const done = ai && vector ? isIndexed(type, ai.embeddingModelId, ai.dims) : sql`false`;
      const r = await tx.execute<Counts>(sql`
        WITH live AS (${liveEmbedOwners(ctx.userId)})
        SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${done}))::int AS indexed,
          (count(*) FILTER (WHERE NOT ${done} AND o.id IN (SELECT l.id FROM live l WHERE l.t = ${type})))::int AS pending
        FROM (${eligibleOwners(type, ctx.userId)}) o`);
      out.set(type, r.rows[0] ?? { total: 0, indexed: 0, pending: 0 });
    }
    return out;
  });
  const of = (t: BackfillOwnerType) => counts.get(t)!;
  const sum = (k: keyof Counts) => BACKFILL_OWNER_TYPES.reduce((n, t) => n + of(t)[k], 0);
  const pick = (t: BackfillOwnerType) => ({ total: of(t).total, indexed: of(t).indexed });
  return {
    status,
    total: sum("total"),
    indexed: sum("indexed"),
    pending: sum("pending"),
    byType: { contact: pick("contact"), interaction: pick("interaction"), note: pick("note") },
  };
}
