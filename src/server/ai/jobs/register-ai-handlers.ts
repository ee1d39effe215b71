import { registerHandler } from "../../jobs/registry";

/**
 * Handlers of the AI job kinds (definitions live in jobs/definitions/embed.ts and insight.ts).
 * Lazy imports keep the AI SDK out of processes that never run these jobs.
 */
export function registerAiHandlers(): void {
  registerHandler("embed", async (ctx, payload) => {
    const { embedOwners } = await import("../embeddings/embed-owners");
    const r = await embedOwners(ctx, payload);
    ctx.log.info({ ...r, ownerType: payload.ownerType, owners: payload.ownerIds.length }, "embed job done");
  });
  registerHandler("insight", async (ctx, payload) => {
    const { runInsightJob } = await import("../insights/run-insight-job");
    await runInsightJob(ctx, payload);
  });
}
