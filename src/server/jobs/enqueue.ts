import { and, eq, inArray, sql } from "drizzle-orm";
import { jobs } from "../db/schema/jobs";
import { withUser, type Tx, type UserScope } from "../db/with-user";
import { AppError, zodDetails } from "../errors";
import type { Logger } from "../log";
import { dispatchJobs, type DispatchRow } from "./dispatch";
import { findJobDefinition, type JobKind, type JobPayload } from "./registry";

/** A Ctx, or the parts of one; a ctx carrying `tx` enqueues atomically with the caller's writes. */
export type EnqueueTarget = UserScope & { log?: Logger };

export type EnqueueOpts = {
  batchId?: string | null;
  /** While a job with the same (kind, key) is queued/running/retrying, no second one is created. */
  dedupeKey?: string;
  delayMs?: number;
  runAfter?: Date;
};

export type Enqueued = { id: string; deduped: boolean };

/**
 * Records a job (the user-visible `jobs` row) and hands it to the queue. With `target.tx` the row
 * commits or rolls back with the caller's writes; the BullMQ message is sent right away
 * and a worker that cannot see the row yet re-checks shortly (and the sweeper re-sends
 * rows a lost message left behind), so a commit never loses a job.
 */
export async function enqueue<K extends JobKind>(
  target: EnqueueTarget,
  kind: K,
  payload: JobPayload<K>,
  opts: EnqueueOpts = {},
): Promise<Enqueued> {
  const [r] = await enqueueMany(target, [{ kind, payload, ...opts }]);
  return r!;
}

export type EnqueueItem<K extends JobKind = JobKind> = { kind: K; payload: JobPayload<K> } & EnqueueOpts;

/** Many jobs in one INSERT (e.g. one normalize job per page of a large import). */
export async function enqueueMany(target: EnqueueTarget, items: EnqueueItem[]): Promise<Enqueued[]> {
  return enqueueUnchecked(target, items as { kind: string; payload: unknown }[]);
}

/** enqueueMany without the compile-time kind check (runtime-registered kinds, tests). */
export async function enqueueUnchecked(
  target: EnqueueTarget,
  items: ({ kind: string; payload: unknown } & EnqueueOpts)[],
): Promise<Enqueued[]> {
  if (items.length === 0) return [];
  const now = Date.now();
  const values = items.map((it) => {
    const def = findJobDefinition(it.kind);
    if (!def) throw new AppError("invalid_body", `unknown job kind ${it.kind}`);
    const parsed = def.payload.safeParse(it.payload);
    if (!parsed.success)
      throw new AppError("invalid_body", `invalid payload for job ${it.kind}`, zodDetails(parsed.error));
    const runAfter = it.runAfter ?? new Date(now + Math.max(0, it.delayMs ?? 0));
    return {
      userId: target.userId,
      kind: it.kind,
      payload: it.payload as object,
      maxAttempts: def.attempts,
      batchId: it.batchId ?? null,
      dedupeKey: it.dedupeKey ?? null,
      runAfter,
    };
  });
  const insert = async (tx: Tx) => {
    const existing = await lockAndFindLive(tx, target.userId, values);
    const seen = new Set(existing.map(keyOf));
    const toInsert = values.filter((v) => {
      if (!v.dedupeKey) return true;
      if (seen.has(keyOf(v))) return false;
      seen.add(keyOf(v));
      return true;
    });
    const inserted = toInsert.length
      ? await tx
          .insert(jobs)
          .values(toInsert)
          .returning({ id: jobs.id, kind: jobs.kind, dedupeKey: jobs.dedupeKey, runAfter: jobs.runAfter })
      : [];
    return { inserted, existing };
  };
  const { inserted, existing } = await withUser(target, insert);
  const rows: DispatchRow[] = inserted.map((r) => ({ ...r, userId: target.userId }));
  await dispatchJobs(rows, { inCallerTx: Boolean(target.tx) });
  // Answer in the order of `items`; a deduplicated item maps to the live job holding its key.
  const fresh = new Map(inserted.filter((r) => r.dedupeKey).map((r) => [keyOf(r), r.id]));
  const live = new Map(existing.map((r) => [keyOf(r), r.id]));
  const plain = inserted.filter((r) => !r.dedupeKey);
  let i = 0;
  return values.map((v) => {
    if (!v.dedupeKey) return { id: plain[i++]!.id, deduped: false };
    const k = keyOf(v);
    return live.has(k) ? { id: live.get(k)!, deduped: true } : { id: fresh.get(k)!, deduped: false };
  });
}

const keyOf = (r: { kind: string; dedupeKey: string | null }) => `${r.kind}\u0000${r.dedupeKey}`;

/**
 * Serialises enqueues of the same (user, kind, key) with a transaction-scoped advisory
 * lock, then finds the live jobs already holding those keys. Locks are taken in sorted
 * order so two batches with overlapping keys cannot deadlock.
 */
async function lockAndFindLive(
  tx: Tx,
  userId: string,
  values: { kind: string; dedupeKey: string | null }[],
): Promise<{ id: string; kind: string; dedupeKey: string | null }[]> {
  const keys = [...new Set(values.filter((v) => v.dedupeKey).map(keyOf))].sort();
  if (keys.length === 0) return [];
  for (const k of keys)
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`jobs:${userId}:${k.replace("\u0000", ":")}`}, 0))`,
    );
  return tx
    .select({ id: jobs.id, kind: jobs.kind, dedupeKey: jobs.dedupeKey })
    .from(jobs)
    .where(
      and(
        eq(jobs.userId, userId),
        inArray(jobs.dedupeKey, [...new Set(values.filter((v) => v.dedupeKey).map((v) => v.dedupeKey!))]),
        inArray(jobs.status, ["queued", "running", "error"]),
      ),
    )
    .then((rows) => rows.filter((r) => keys.includes(keyOf(r))));
}
