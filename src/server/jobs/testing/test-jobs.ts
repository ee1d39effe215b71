import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { withUser } from "../../db/with-user";
import { defineJob, type AnyJobDefinition } from "../define-job";
import { registerJob } from "../registry";

/**
 * Test-only job kinds (registered at runtime by tests and by the test worker process).
 * `test_effect` writes one row per key, counting runs, so a test can tell "handled exactly
 * once in its effects" (one row per job) from "ran more than once" (runs > 1).
 */
export const testEffectJob = defineJob({
  kind: "test_effect",
  payload: z.object({
    key: z.string().min(1).max(200),
    sleepMs: z.number().int().min(0).max(30_000).default(0),
    failAttempts: z.number().int().min(0).default(0),
  }),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 100 },
  timeoutMs: 30_000,
  handler: async (ctx, p) => {
    if (p.sleepMs) await new Promise((r) => setTimeout(r, p.sleepMs));
    if (ctx.attempt <= p.failAttempts) throw new Error(`test_effect: failing attempt ${ctx.attempt}`);
    await withUser(ctx, (tx) =>
      tx.execute(sql`INSERT INTO job_test_effects (user_id, key, job_id, pid)
        VALUES (${ctx.userId}, ${p.key}, ${ctx.jobId}, ${process.pid})
        ON CONFLICT (user_id, key) DO UPDATE SET runs = job_test_effects.runs + 1`),
    );
  },
});

/**
 * A definition with no handler. defineJob() cannot build one (handler is required), so this
 * bypasses the types on purpose: it proves the runner's guard turns such a job `dead` at once.
 */
export const testNoHandlerJob = {
  kind: "test_no_handler",
  payload: z.object({}),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 100 },
  timeoutMs: 1000,
  queue: "default",
} as unknown as AnyJobDefinition;

export function registerTestJobs(): void {
  registerJob(testEffectJob);
  registerJob(testNoHandlerJob);
}

export async function createTestEffectsTable(db: Db): Promise<void> {
  // Parallel test files may race to create it; the loser's duplicate error is harmless.
  await db
    .execute(
      sql`CREATE TABLE IF NOT EXISTS job_test_effects (
        user_id uuid NOT NULL, key text NOT NULL, job_id uuid NOT NULL, pid int NOT NULL,
        runs int NOT NULL DEFAULT 1,
        PRIMARY KEY (user_id, key))`,
    )
    .catch(() => undefined);
  await db.execute(sql`GRANT SELECT, INSERT, UPDATE ON job_test_effects TO omnicrm_app, omnicrm_system`);
}

export async function testEffects(
  db: Db,
  userId: string,
): Promise<{ key: string; runs: number; pid: number }[]> {
  const r = await db.execute<{ key: string; runs: number; pid: number }>(
    sql`SELECT key, runs, pid FROM job_test_effects WHERE user_id = ${userId}`,
  );
  return r.rows;
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
