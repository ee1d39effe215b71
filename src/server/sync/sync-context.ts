import type { Ctx } from "../context";
import { PermanentJobError } from "../jobs/define-job";
import { markNeedsReconnect } from "../google/authorized-client";
import { describeGoogleError, GoogleError } from "../google/errors";
import type { GoogleService } from "../google/scopes";
import { updateIntegration } from "../google/token-store";
import { setBatch } from "./batch-progress";

/** What the sync pipeline needs from a job: a Ctx, optionally its abort signal and progress hook. */
export type SyncCtx = Ctx & {
  signal?: AbortSignal;
  reportProgress?: (done: number, total?: number) => Promise<void>;
};

/**
 * Acts on a Google failure in one place: a revoked/insufficient grant marks the
 * integration needs_reconnect and fails the job for good (retrying cannot help); other
 * failures record a readable last error and rethrow so the job layer retries with backoff
 * from the checkpoint.
 */
export async function handleSyncFailure(
  ctx: SyncCtx,
  service: GoogleService,
  batchId: string | null,
  e: unknown,
): Promise<never> {
  if (e instanceof GoogleError) {
    if (e.kind === "invalid_grant" || e.kind === "insufficient_permissions") {
      await markNeedsReconnect(ctx, service, e);
      if (batchId) await setBatch(ctx, batchId, { status: "error", set: { error: describeGoogleError(e) } });
      throw new PermanentJobError(describeGoogleError(e));
    }
    await updateIntegration(ctx, service, { lastError: describeGoogleError(e) });
  }
  throw e;
}

export function checkAborted(ctx: SyncCtx): void {
  if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error("aborted");
}
