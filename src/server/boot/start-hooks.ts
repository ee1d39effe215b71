import type { SystemCtx } from "../context";
import { startBackgroundJobs } from "../jobs/start-background-jobs";
import { scheduleRetention } from "../retention/schedule-retention";

type StartHook = (ctx: SystemCtx) => Promise<void>;

// Background work the web process starts (embedded job runner, schedulers). Features
// register here so boot-server stays small.
const hooks: StartHook[] = [
  // Daily purge of data past retention (idempotent, so every web instance may run it).
  async (ctx) => scheduleRetention(ctx),
  // Without REDIS_URL: the embedded job runner, periodic Google sync and the stale-job
  // sweeper. With it, `npm run worker` processes do all of that and this is a no-op.
  async (ctx) => startBackgroundJobs(ctx),
];

export async function runStartHooks(ctx: SystemCtx): Promise<void> {
  for (const hook of hooks) await hook(ctx);
}
