import type { Ctx } from "../context";
import { AppError } from "../errors";
import { markNeedsReconnect } from "../google/authorized-client";
import { describeGoogleError, GoogleError } from "../google/errors";
import { canReadDrive, requireServiceEnabled } from "../google/scopes";
import { loadTokens, type StoredTokens } from "../google/token-store";
import { listOwnAddresses } from "../profile/list-own-addresses";
import { normalizeEmail } from "../contacts/identity-normalize";

/** Where the browser goes to grant drive.metadata.readonly (the incremental consent step). */
export const DRIVE_CONSENT_URL = "/api/v1/google/oauth?scope=drive";

const consentRequired = () =>
  new AppError("forbidden", "Allow OmniCRM to see your Drive files' names and sharing first.", {
    reason: "drive_consent_required",
    authorizeUrl: DRIVE_CONSENT_URL,
  });

/**
 * The user's Drive tokens, or 403 drive_consent_required (with the URL that asks Google
 * for the metadata scope) when Drive was never allowed, was revoked or lacks the scope.
 */
export async function requireDriveAccess(ctx: Ctx): Promise<StoredTokens> {
  requireServiceEnabled("drive");
  const t = await loadTokens(ctx, "drive");
  if (!t || t.status === "needs_reconnect" || !canReadDrive(t.grantedScopes)) throw consentRequired();
  return t;
}

/** The user's own addresses: never a "client" a document is shared with. */
export async function ownEmails(ctx: Ctx, t: StoredTokens): Promise<Set<string>> {
  const own = new Set((await listOwnAddresses(ctx)).map((a) => normalizeEmail(a.email)));
  if (t.accountEmail) own.add(normalizeEmail(t.accountEmail));
  return own;
}

/** A Drive failure in a user-facing call, as an API error the sync page can act on. */
export async function driveApiError(ctx: Ctx, e: unknown): Promise<never> {
  if (!(e instanceof GoogleError)) throw e;
  if (e.kind === "invalid_grant" || e.kind === "insufficient_permissions") {
    await markNeedsReconnect(ctx, "drive", e);
    throw consentRequired();
  }
  if (e.kind === "rate_limited")
    throw new AppError("rate_limited", describeGoogleError(e), undefined, {
      "retry-after": String(Math.ceil((e.retryAfterMs ?? 30_000) / 1000)),
    });
  throw new AppError("upstream_error", describeGoogleError(e));
}
