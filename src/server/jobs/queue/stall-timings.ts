import { HEARTBEAT_MS } from "../inflight";

/**
 * JOBS_STALL_SECONDS → a BullMQ worker's timings: BullMQ's lock and stall check, the per-user
 * slot lease, and the row heartbeat (three missed ones let another worker take a job over).
 * The heartbeat never exceeds its default: the stale-job sweeper requeues leases older than
 * 60 s, which a live worker's heartbeat must stay well inside.
 */
export function stallTimings(seconds: number) {
  const ms = seconds * 1000;
  return {
    lockDurationMs: ms,
    stalledIntervalMs: ms,
    slotLeaseMs: ms,
    heartbeatMs: Math.min(HEARTBEAT_MS, Math.floor(ms / 3)),
  };
}
