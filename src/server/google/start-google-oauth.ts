import type { Ctx } from "../context";
import { AppError } from "../errors";
import { googleOAuthClient } from "./oauth-client";
import { issueState } from "./oauth-state";
import { GMAIL_SEND_SCOPE, requireServiceEnabled, SCOPES, type GoogleService } from "./scopes";

/** Builds the Google consent URL (offline, incremental scopes, PKCE S256) and the state cookie. */
export async function startGoogleOAuth(
  ctx: Ctx,
  input: { scope: string | undefined; redirectUri: string },
): Promise<{ url: string; cookie: string }> {
  if (input.scope !== "gmail" && input.scope !== "calendar" && input.scope !== "gmail_send") {
    throw new AppError("invalid_scope", "scope must be gmail, gmail_send or calendar");
  }
  // gmail_send: the incremental step asked at the first send; tokens stay the gmail service's.
  const service: GoogleService = input.scope === "gmail_send" ? "gmail" : input.scope;
  const scope = input.scope === "gmail_send" ? [SCOPES.gmail, GMAIL_SEND_SCOPE] : [SCOPES[service]];
  requireServiceEnabled(service);
  const client = googleOAuthClient(input.redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const { state, cookie } = await issueState(ctx, service, codeVerifier);
  const url = client.generateAuthUrl({
    access_type: "offline",
    include_granted_scopes: true,
    prompt: "consent",
    scope,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: "S256" as never,
  });
  return { url, cookie };
}
