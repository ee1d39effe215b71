import type { OAuth2Client } from "google-auth-library";
import type { Ctx } from "../context";
import { authorizeTokens } from "./authorized-client";
import { callGoogle, type CallOptions } from "./call-google";
import { takeQuota } from "./quota";
import type { GoogleService } from "./scopes";
import { loadTokens, type StoredTokens } from "./token-store";

/**
 * One authorised connection to a Google API for one user, opened once per job or request:
 * the stored tokens are read (and refreshed if due) here, and every driver method of the
 * run reuses them. `tokens` is that snapshot (cursor, account email, granted scopes).
 */
export type GoogleSession = {
  userId: string;
  service: GoogleService;
  breakerKey: string;
  auth: OAuth2Client;
  tokens: StoredTokens;
};

/** `tokens`: pass ones already loaded for this user and service to skip reading them again. */
export async function openGoogleSession(
  ctx: Ctx,
  service: GoogleService,
  tokens?: StoredTokens | null,
): Promise<GoogleSession> {
  const t = tokens === undefined ? await loadTokens(ctx, service) : tokens;
  const auth = await authorizeTokens(ctx, service, t);
  // authorizeTokens throws unless tokens exist, so `t` is set here.
  return { userId: ctx.userId, service, breakerKey: `${ctx.userId}:${service}`, auth, tokens: t! };
}

export type DriverCallOptions = Omit<CallOptions, "breakerKey">;

/**
 * The one place a driver method pays for a call and makes it: the user's quota budget
 * first (`units`, Google's cost of the method), then the breaker, retry policy and error
 * mapping of callGoogle. Domain code never pairs these by hand.
 */
export async function driverCall<T>(
  s: Pick<GoogleSession, "userId" | "breakerKey">,
  units: number,
  fn: () => Promise<T>,
  opts: DriverCallOptions = {},
): Promise<T> {
  await takeQuota(s.userId, units);
  return callGoogle({ breakerKey: s.breakerKey, ...opts }, fn);
}
