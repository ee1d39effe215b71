import type { Ctx } from "../../context";
import { GmailApi } from "../client";
import { openGoogleSession, type GoogleSession } from "../google-session";
import type { StoredTokens } from "../token-store";

/** An open Gmail connection: what every Gmail driver method takes. */
export type GmailSession = GoogleSession & { gmail: GmailApi };

export async function openGmail(ctx: Ctx, tokens?: StoredTokens | null): Promise<GmailSession> {
  const s = await openGoogleSession(ctx, "gmail", tokens);
  return { ...s, gmail: new GmailApi(s.auth) };
}

/** For one-off callers (the outbox): a session of their own, opened on the spot. */
export async function gmailSessionOf(from: Ctx | GmailSession): Promise<GmailSession> {
  return "gmail" in from ? from : openGmail(from);
}
