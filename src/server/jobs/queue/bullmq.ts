import { Queue, type ConnectionOptions } from "bullmq";
import { env } from "@/lib/env";
import { rootLog } from "../../log";
import type { JobQueue } from "../define-job";
import type { DispatchRow } from "../dispatch";
import { findJobDefinition } from "../registry";

/** What travels through Redis: only ids. The payload is read from the jobs row when claimed. */
export type BullData = { id: string; userId: string; kind: string; waits?: number };
export type BullQueueName = JobQueue | "system";

export type BullConfig = { url: string; prefix: string };

type State = { cfg?: BullConfig; queues: Map<string, Queue> };
const g = globalThis as unknown as { __omnicrmBull?: State };
const state: State = (g.__omnicrmBull ??= { queues: new Map() });

/** Overrides REDIS_URL / the key prefix (tests give each run its own prefix). */
export function configureBullmq(cfg: BullConfig): void {
  state.cfg = cfg;
}

export function bullConfig(): BullConfig {
  if (state.cfg) return state.cfg;
  const url = env().REDIS_URL;
  if (!url) throw new Error("REDIS_URL is not set");
  return (state.cfg = { url, prefix: "omnicrm" });
}

export function bullConnection(): ConnectionOptions {
  // Workers need maxRetriesPerRequest: null (blocking commands must not time out).
  return { url: bullConfig().url, maxRetriesPerRequest: null } as ConnectionOptions;
}

/**
 * Producers fail fast while Redis is away (no offline queue): an enqueue must not hang a
 * request or hold its transaction open. The row is committed either way; the sweeper
 * re-sends it once Redis is back.
 */
function producerConnection(): ConnectionOptions {
  return { url: bullConfig().url, maxRetriesPerRequest: 1, enableOfflineQueue: false } as ConnectionOptions;
}

export function bullQueue(name: BullQueueName): Queue<BullData> {
  let q = state.queues.get(name);
  if (!q) {
    q = new Queue<BullData>(name, { connection: producerConnection(), prefix: bullConfig().prefix });
    // Without a listener an `error` (every failed reconnect) is thrown as an unhandled event.
    q.on("error", redisErrorLogger(`bullmq queue ${name}`));
    state.queues.set(name, q);
  }
  return q as Queue<BullData>;
}

/** A logger for Redis `error` events: one line per 10 s, not one per reconnect attempt. */
export function redisErrorLogger(what: string): (err: Error) => void {
  let last = 0;
  return (err) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    rootLog().warn({ err, client: what }, "redis connection error; reconnecting");
  };
}

// Retries are ours (the jobs row counts attempts and schedules the backoff), so BullMQ
// runs each message once; finished messages are dropped, failed ones kept for a week.
const baseOpts = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** Writers whose transaction may not have committed yet give the row a moment to appear. */
const IN_TX_DELAY_MS = 50;

export async function addToBullmq(rows: DispatchRow[], opts: { inCallerTx?: boolean } = {}): Promise<void> {
  const byQueue = new Map<BullQueueName, DispatchRow[]>();
  for (const r of rows) {
    const q = findJobDefinition(r.kind)?.queue ?? "default";
    byQueue.set(q, [...(byQueue.get(q) ?? []), r]);
  }
  const now = Date.now();
  await Promise.all(
    [...byQueue].map(([name, list]) =>
      bullQueue(name).addBulk(
        list.map((r) => ({
          name: r.kind,
          data: { id: r.id, userId: r.userId, kind: r.kind },
          opts: {
            ...baseOpts,
            jobId: r.id,
            delay: Math.max(r.runAfter.getTime() - now, opts.inCallerTx ? IN_TX_DELAY_MS : 0, 0),
          },
        })),
      ),
    ),
  );
}

/**
 * Sends rows again (after a Redis flush, a lost message, or a retry of a dead job):
 * a live message with the same id is left alone; a failed leftover is replaced.
 */
export async function resendToBullmq(rows: DispatchRow[]): Promise<number> {
  let sent = 0;
  for (const r of rows) {
    const q = bullQueue(findJobDefinition(r.kind)?.queue ?? "default");
    const existing = await q.getJob(r.id);
    if (existing) {
      const st = await existing.getState();
      if (st !== "failed" && st !== "completed") continue;
      await existing.remove();
    }
    await addToBullmq([r]);
    sent++;
  }
  return sent;
}

export async function closeBullmq(): Promise<void> {
  const qs = [...state.queues.values()];
  state.queues.clear();
  await Promise.all(qs.map((q) => q.close()));
}
