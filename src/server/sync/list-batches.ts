import { and, desc, eq, ne } from "drizzle-orm";
import type { Ctx } from "../context";
import { syncBatches } from "../db/schema/sync";
import { withUser } from "../db/with-user";

const CHECKPOINT_KEYS = new Set(["pageToken", "startHistoryId", "syncToken"]);

/** The user's import batches, newest first, with their counts (checkpoint internals hidden). */
export async function listBatches(ctx: Ctx, input: { limit?: number } = {}) {
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(syncBatches)
      .where(and(eq(syncBatches.userId, ctx.userId), ne(syncBatches.provider, "")))
      .orderBy(desc(syncBatches.createdAt))
      .limit(Math.min(input.limit ?? 50, 200)),
  );
  return rows.map((b) => ({
    id: b.id,
    provider: b.provider,
    status: b.status,
    counts: Object.fromEntries(
      Object.entries(b.counts as Record<string, unknown>).filter(([k]) => !CHECKPOINT_KEYS.has(k)),
    ) as Record<string, number | string | null>,
    createdAt: b.createdAt.toISOString(),
    undoneAt: b.undoneAt?.toISOString() ?? null,
  }));
}
