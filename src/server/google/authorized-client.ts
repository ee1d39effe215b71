import type { OAuth2Client } from "google-auth-library";
import type { Ctx } from "../context";
import { googleApiCalls } from "../metrics/registry";
import { describeGoogleError, GoogleError, toGoogleError } from "./errors";
import { googleOAuthClient } from "./oauth-client";
import type { GoogleService } from "./scopes";
import { loadTokens, saveTokens, updateIntegration, type StoredTokens } from "./token-store";

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * An OAuth2Client with a fresh access token for the user's service. Refreshes ahead of
 * expiry and saves the new token; a revoked grant marks the integration needs_reconnect.
 */
export async function authorizedClient(ctx: Ctx, service: GoogleService): Promise<OAuth2Client> {
  return authorizeTokens(ctx, service, await loadTokens(ctx, service));
}

/** The same from tokens the caller already loaded (a sync job reads them once). */
export async function authorizeTokens(
  ctx: Ctx,
  service: GoogleService,
  t: StoredTokens | null,
): Promise<OAuth2Client> {
  if (!t || (!t.accessToken && !t.refreshToken)) {
    throw new GoogleError("invalid_grant", `${service} is not connected`);
  }
  if (t.status === "needs_reconnect") throw new GoogleError("invalid_grant", `${service} needs reconnecting`);
  const client = googleOAuthClient();
  client.setCredentials({
    access_token: t.accessToken,
    refresh_token: t.refreshToken,
    expiry_date: t.expiresAt?.getTime() ?? null,
  });
  const expiring = !t.expiresAt || t.expiresAt.getTime() - Date.now() < REFRESH_MARGIN_MS;
  if (expiring && t.refreshToken) {
    try {
      const { credentials } = await client.refreshAccessToken().catch((e: unknown) => {
        googleApiCalls.inc({ service: "oauth", outcome: "error" });
        throw e;
      });
      googleApiCalls.inc({ service: "oauth", outcome: "ok" });
      if (!credentials.access_token) throw new GoogleError("temporary", "refresh returned no token");
      await saveTokens(ctx, service, {
        accessToken: credentials.access_token,
        refreshToken: credentials.refresh_token ?? null,
        expiresAt: credentials.expiry_date ? new Date(credentials.expiry_date) : null,
      });
      client.setCredentials({ ...credentials, refresh_token: credentials.refresh_token ?? t.refreshToken });
    } catch (e) {
      const ge = toGoogleError(e);
      if (ge.kind === "invalid_grant") await markNeedsReconnect(ctx, service, ge);
      throw ge;
    }
  }
  return client;
}

export async function markNeedsReconnect(ctx: Ctx, service: GoogleService, e: GoogleError): Promise<void> {
  ctx.log.warn({ service, kind: e.kind }, "google integration needs reconnect");
  await updateIntegration(ctx, service, { status: "needs_reconnect", lastError: describeGoogleError(e) });
}
