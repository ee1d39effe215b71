import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { withSystem, type Tx } from "../db/with-user";
import type { JobStatus } from "../db/schema/jobs";
import { pgArray } from "../db/pg-array";

/** A jobs row as a runner needs it once claimed. */
export type ClaimedJob = {
  id: string;
  userId: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  batchId: string | null;
};

export type Outcome =
  | { id: string; status: "done" }
  | { id: string; status: "error"; error: string; delayMs: number }
  | { id: string; status: "dead"; error: string }
  /** Handed back unfinished (shutdown): queued again without using up an attempt. */
  | { id: string; status: "release" };

/**
 * Bookkeeping transactions skip the wait for the WAL flush: it is most of a commit's cost,
 * and a Postgres crash can at worst lose the last few status changes, which the
 * stale-job sweeper and idempotent handlers already recover from (the job runs again).
 * Enqueues stay fully durable: they are the user's intent.
 */
function bookkeeping<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withSystem(db, work, { asyncCommit: true });
}

const CLAIMED_COLUMNS = sql.raw(`id, user_id AS "userId", kind, payload, attempts,
  max_attempts AS "maxAttempts", batch_id AS "batchId"`);

/**
 * BullMQ mode: marks the given rows running (one statement for many). A row still
 * `running` is taken over only when its lease is older than `takeoverAfterMs` (its worker
 * stopped heart-beating: died); a fresher one is still running somewhere (e.g. Redis came
 * back from its AOF and re-delivered a message whose lock expired meanwhile): never twice.
 * Returns the claimed rows plus, for the others, their status (undefined = not visible,
 * e.g. the enqueuing transaction has not committed yet).
 */
export async function claimByIds(
  db: Db,
  ids: string[],
  workerId: string,
  takeoverAfterMs: number,
): Promise<{ claimed: ClaimedJob[]; others: Map<string, JobStatus | undefined> }> {
  return bookkeeping(db, async (tx) => {
    const r = await tx.execute<ClaimedJob>(sql`UPDATE jobs SET status = 'running', attempts = attempts + 1,
        locked_at = now(), locked_by = ${workerId}, started_at = coalesce(started_at, now()), updated_at = now()
      WHERE id = ANY(${pgArray(ids, "uuid")}) AND (status IN ('queued', 'error')
        OR (status = 'running' AND locked_at < now() - ${takeoverAfterMs}::int * interval '1 millisecond'))
      RETURNING ${CLAIMED_COLUMNS}`);
    const others = new Map<string, JobStatus | undefined>();
    const got = new Set(r.rows.map((c) => c.id));
    const missing = ids.filter((id) => !got.has(id));
    if (missing.length) {
      const s = await tx.execute<{ id: string; status: JobStatus }>(
        sql`SELECT id, status FROM jobs WHERE id = ANY(${pgArray(missing, "uuid")})`,
      );
      for (const id of missing) others.set(id, s.rows.find((x) => x.id === id)?.status);
    }
    return { claimed: r.rows, others };
  });
}

/**
 * Embedded mode: claims up to `limit` ready rows with FOR UPDATE SKIP LOCKED, oldest first
 * but at most `perUser` running per user, so one user's big import cannot starve others.
 */
export async function claimReady(
  db: Db,
  o: { limit: number; perUser: number; workerId: string; userIds?: string[] },
): Promise<ClaimedJob[]> {
  if (o.limit <= 0) return [];
  const onlyUser = o.userIds ? sql`AND user_id = ANY(${pgArray(o.userIds, "uuid")})` : sql``;
  return bookkeeping(db, async (tx) => {
    const r = await tx.execute<ClaimedJob>(sql`WITH ready AS (
        SELECT DISTINCT user_id FROM jobs WHERE status IN ('queued', 'error') AND run_after <= now() ${onlyUser}
      ), busy AS (
        SELECT user_id, count(*)::int AS n FROM jobs WHERE status = 'running' ${onlyUser} GROUP BY user_id
      ), pick AS (
        SELECT c.id, c.run_after FROM ready r LEFT JOIN busy b ON b.user_id = r.user_id
        CROSS JOIN LATERAL (
          SELECT id, run_after FROM jobs j WHERE j.user_id = r.user_id AND j.status IN ('queued', 'error')
            AND j.run_after <= now() ORDER BY j.run_after
            LIMIT greatest(0, ${o.perUser}::int - coalesce(b.n, 0))
        ) c ORDER BY c.run_after LIMIT ${o.limit}::int
      ), locked AS (
        SELECT id FROM jobs WHERE id IN (SELECT id FROM pick) AND status IN ('queued', 'error')
        FOR UPDATE SKIP LOCKED
      )
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_at = now(),
        locked_by = ${o.workerId}, started_at = coalesce(started_at, now()), updated_at = now()
      WHERE id IN (SELECT id FROM locked)
      RETURNING ${CLAIMED_COLUMNS}`);
    return r.rows;
  });
}

/** Records many outcomes in one statement; rows no longer running (cancelled) are left alone. */
export async function recordOutcomes(db: Db, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.status,
    err: o.status === "error" || o.status === "dead" ? o.error.slice(0, 2000) : null,
    delay_ms: o.status === "error" ? Math.round(o.delayMs) : 0,
  }));
  await bookkeeping(db, (tx) =>
    tx.execute(sql`UPDATE jobs j SET
        status = CASE WHEN v.status = 'release' THEN 'queued' ELSE v.status END,
        last_error = CASE WHEN v.status = 'release' THEN j.last_error ELSE v.err END,
        attempts = CASE WHEN v.status = 'release' THEN greatest(j.attempts - 1, 0) ELSE j.attempts END,
        run_after = CASE WHEN v.status = 'error' THEN now() + v.delay_ms * interval '1 millisecond'
          WHEN v.status = 'release' THEN now() ELSE j.run_after END,
        finished_at = CASE WHEN v.status IN ('done', 'dead') THEN now() ELSE NULL END,
        locked_at = NULL, locked_by = NULL, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, status text, err text, delay_ms int)
      WHERE j.id = v.id AND j.status = 'running'`),
  );
}

/** Extends the lease of running rows; returns the ids that are no longer ours (cancelled, taken). */
export async function heartbeat(db: Db, ids: string[], workerId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await bookkeeping(db, (tx) =>
    tx.execute<{ id: string }>(sql`UPDATE jobs SET locked_at = now()
      WHERE id = ANY(${pgArray(ids, "uuid")}) AND status = 'running' AND locked_by = ${workerId} RETURNING id`),
  );
  const alive = new Set(r.rows.map((x) => x.id));
  return ids.filter((id) => !alive.has(id));
}

export async function saveProgress(db: Db, id: string, done: number, total?: number): Promise<void> {
  const progress = JSON.stringify(total === undefined ? { done } : { done, total });
  await bookkeeping(db, (tx) =>
    tx.execute(sql`UPDATE jobs SET progress = ${progress}::jsonb, updated_at = now()
      WHERE id = ${id} AND status = 'running'`),
  );
}
