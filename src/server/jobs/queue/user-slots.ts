import { Redis } from "ioredis";
import { redisErrorLogger } from "./bullmq";

// One sorted set per user: member = job id, score = lease expiry. Expired leases (a worker
// killed mid-job) fall out on the next acquire, so a crash never leaks a slot for long.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[4]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
  return 1
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Per-user concurrency across every worker process: a job runs only while its user holds
 * fewer than `limit` slots; otherwise the worker re-delays it briefly and takes the next
 * message, so another user's job behind a big backlog still gets a turn.
 */
export function createUserSlots(url: string, prefix: string, limit: number) {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on("error", redisErrorLogger("user slots"));
  const key = (userId: string) => `${prefix}:fair:user:${userId}`;
  return {
    async acquire(userId: string, jobId: string, leaseMs: number): Promise<boolean> {
      const now = Date.now();
      const r = await redis.eval(ACQUIRE, 1, key(userId), now, now + leaseMs, limit, jobId, leaseMs * 2);
      return r === 1;
    },
    /** Extends the leases of jobs still running (called periodically by the worker). */
    async renew(held: { userId: string; jobId: string }[], leaseMs: number): Promise<void> {
      if (held.length === 0) return;
      const until = Date.now() + leaseMs;
      const m = redis.multi();
      for (const h of held) m.zadd(key(h.userId), "XX", until, h.jobId);
      await m.exec();
    },
    async release(userId: string, jobId: string): Promise<void> {
      await redis.zrem(key(userId), jobId);
    },
    async close(): Promise<void> {
      await redis.quit().catch(() => undefined);
    },
  };
}
export type UserSlots = ReturnType<typeof createUserSlots>;
