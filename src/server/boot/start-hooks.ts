import type { SystemCtx } from "../context";
import { scheduleRetention } from "../retention/schedule-retention";

type StartHook = (ctx: SystemCtx) => Promise<void>;

// Background work the web process starts (embedded job runner, schedulers). Features
// register here so boot-server stays small.
const hooks: StartHook[] = [
  // Daily purge of data past retention (idempotent, so every web instance may run it).
  async (ctx) => scheduleRetention(ctx),
];

export async function runStartHooks(ctx: SystemCtx): Promise<void> {
  for (const hook of hooks) await hook(ctx);
}
