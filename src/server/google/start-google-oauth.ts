import type { Ctx } from "../context";
import { AppError } from "../errors";
import { googleOAuthClient } from "./oauth-client";
import { issueState } from "./oauth-state";
import {
  CALENDAR_EVENTS_SCOPE,
  GMAIL_SEND_SCOPE,
  requireServiceEnabled,
  SCOPES,
  type GoogleService,
} from "./scopes";

/** Builds the Google consent URL (offline, incremental scopes, PKCE S256) and the state cookie. */
export async function startGoogleOAuth(
  ctx: Ctx,
  input: { scope: string | undefined; redirectUri: string },
): Promise<{ url: string; cookie: string }> {
  const allowed = ["gmail", "calendar", "gmail_send", "booking"];
  if (!input.scope || !allowed.includes(input.scope)) {
    throw new AppError("invalid_scope", "scope must be gmail, gmail_send, calendar or booking");
  }
  // gmail_send: the incremental step asked at the first send; tokens stay the gmail service's.
  // "booking" is the calendar plus permission to add events (asked for when booking is enabled).
  const service: GoogleService =
    input.scope === "gmail_send"
      ? "gmail"
      : input.scope === "booking"
        ? "calendar"
        : (input.scope as GoogleService);
  const scope =
    input.scope === "gmail_send"
      ? [SCOPES.gmail, GMAIL_SEND_SCOPE]
      : input.scope === "booking"
        ? [SCOPES.calendar, CALENDAR_EVENTS_SCOPE]
        : [SCOPES[service]];
  requireServiceEnabled(service);
  const client = googleOAuthClient(input.redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const returnTo = input.scope === "gmail_send" ? "outbox" : "sync";
  const { state, cookie } = await issueState(ctx, service, codeVerifier, returnTo);
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
