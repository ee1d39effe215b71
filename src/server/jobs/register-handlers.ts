import { registerAiHandlers } from "../ai/jobs/register-ai-handlers";
import { registerSyncHandlers } from "../sync/register-sync-handlers";

/**
 * Every domain that supplies handlers with registerHandler() is wired up here, once per
 * process that runs jobs (BullMQ worker, embedded runner, runner endpoint). Domains whose
 * definition carries `handler:` directly need no line here.
 */
export function registerAllHandlers(): void {
  registerSyncHandlers();
  registerAiHandlers();
}
