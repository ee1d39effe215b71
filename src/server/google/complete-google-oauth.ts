import type { Ctx } from "../context";
import { AppError } from "../errors";
import { GmailApi } from "./client";
import { callGoogle } from "./call-google";
import { toGoogleError } from "./errors";
import { googleOAuthClient } from "./oauth-client";
import { consumeState } from "./oauth-state";
import { canSendGmail, SCOPES, servicesGranted } from "./scopes";
import { saveTokens } from "./token-store";

export type CallbackInput = {
  code?: string;
  state?: string;
  error?: string;
  cookie?: string;
  redirectUri: string;
};

const DENIED: Record<string, string> = {
  access_denied: "You declined access on Google's consent screen. Nothing was connected.",
};

/**
 * Validates the state, exchanges the code (PKCE), stores encrypted tokens for every service
 * Google granted, and returns where to send the browser.
 */
export async function completeGoogleOAuth(ctx: Ctx, input: CallbackInput): Promise<{ redirect: string }> {
  if (input.error) {
    const msg = DENIED[input.error] ?? `Google sign-in failed (${input.error.slice(0, 80)}).`;
    return { redirect: `/settings/sync?error=${encodeURIComponent(msg)}` };
  }
  if (!input.code || !input.state) throw new AppError("missing_code_or_state");
  const { service, verifier, returnTo } = await consumeState(ctx, input.state, input.cookie);
  const client = googleOAuthClient(input.redirectUri);
  let tokens;
  try {
    ({ tokens } = await client.getToken({ code: input.code, codeVerifier: verifier }));
  } catch (e) {
    const ge = toGoogleError(e);
    ctx.log.warn({ kind: ge.kind, status: ge.status }, "google code exchange failed");
    return {
      redirect: `/settings/sync?error=${encodeURIComponent("Google sign-in failed; please try again.")}`,
    };
  }
  if (!tokens.access_token) throw new AppError("upstream_error", "Google returned no access token");
  const granted = (tokens.scope ?? SCOPES[service]).split(/\s+/).filter(Boolean);
  const services = servicesGranted(granted);
  if (!services.includes(service)) {
    return {
      redirect: `/settings/sync?error=${encodeURIComponent(`Google did not grant ${service} access.`)}`,
    };
  }
  let accountEmail: string | null = null;
  if (services.includes("gmail")) {
    client.setCredentials(tokens);
    try {
      const p = await callGoogle({ breakerKey: `${ctx.userId}:gmail`, maxAttempts: 3 }, () =>
        new GmailApi(client).getProfile(),
      );
      accountEmail = p.emailAddress;
    } catch {
      accountEmail = null; // the sync job reads the profile again
    }
  }
  // The incremental send step (asked at the first send) returns to the Outbox to approve
  // again. Decided by the flow the user started, not by the scopes granted: with
  // include_granted_scopes Google also returns gmail.send granted earlier (to another
  // OmniCRM account, or before a disconnect), and a plain "Connect Gmail" must land on Sync.
  const sendStep = returnTo === "outbox";
  for (const s of services) {
    await saveTokens(ctx, s, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
      grantedScopes: granted,
      accountEmail,
    });
  }
  if (!sendStep) return { redirect: "/settings/sync?connected=google" };
  return { redirect: canSendGmail(granted) ? "/outbox?sendAllowed=1" : "/outbox" };
}
