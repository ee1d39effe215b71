import type { SystemCtx } from "../context";

type StartHook = (ctx: SystemCtx) => Promise<void>;

// Background work the web process starts (embedded job runner, schedulers). Features
// register here so boot-server stays small.
const hooks: StartHook[] = [];

export async function runStartHooks(ctx: SystemCtx): Promise<void> {
  for (const hook of hooks) await hook(ctx);
}
