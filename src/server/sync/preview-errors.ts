import type { Ctx } from "../context";
import { AppError } from "../errors";
import { markNeedsReconnect } from "../google/authorized-client";
import { describeGoogleError, GoogleError } from "../google/errors";
import type { GoogleService } from "../google/scopes";

/** A preview's Google failure as an API error the sync page can show. */
export async function previewGoogleError(ctx: Ctx, service: GoogleService, e: unknown): Promise<never> {
  if (!(e instanceof GoogleError)) throw e;
  if (e.kind === "invalid_grant" || e.kind === "insufficient_permissions") {
    await markNeedsReconnect(ctx, service, e);
    throw new AppError("conflict", describeGoogleError(e), { reconnect: true });
  }
  if (e.kind === "rate_limited") {
    throw new AppError("rate_limited", describeGoogleError(e), undefined, {
      "retry-after": String(Math.ceil((e.retryAfterMs ?? 30_000) / 1000)),
    });
  }
  throw new AppError("upstream_error", describeGoogleError(e));
}
