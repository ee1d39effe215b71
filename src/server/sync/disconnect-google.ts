import type { Ctx } from "../context";
import { revokeGoogleGrant } from "../google/revoke-google-grant";
import type { GoogleService } from "../google/scopes";
import { deleteTokens, loadTokens } from "../google/token-store";
import { stopPushWatch } from "./push/stop-push-watch";

/**
 * Stops push notifications, deletes the service's tokens and revokes the grant at Google. One Google grant covers
 * every scope it was given, so revoking is skipped while another service still uses it.
 * It lives in sync/ because stopping push (sync/push/) comes first; the token store and
 * the revoke call are the Google driver's.
 */
export async function disconnectGoogle(
  ctx: Ctx,
  input: { service: GoogleService },
): Promise<{ disconnected: true }> {
  // While the tokens still work: stop Google's notifications (channels.stop / users.stop).
  await stopPushWatch(ctx, { service: input.service });
  const mine = await loadTokens(ctx, input.service);
  const otherService: GoogleService = input.service === "gmail" ? "calendar" : "gmail";
  const other = await loadTokens(ctx, otherService);
  await deleteTokens(ctx, input.service);
  const token = mine?.refreshToken ?? mine?.accessToken;
  if (token && !other) {
    try {
      await revokeGoogleGrant(token);
    } catch (e) {
      // The tokens are gone on our side either way; a failed revoke must not block disconnecting.
      ctx.log.warn({ err: e }, "google token revoke failed");
    }
  }
  return { disconnected: true };
}
