import type { Ctx } from "../../context";
import { driverCall } from "../google-session";
import { QUOTA_COST } from "../quota";
import { canSendGmail } from "../scopes";
import { loadTokens } from "../token-store";
import { gmailSessionOf, type GmailSession } from "./gmail-session";

// The Gmail driver's write side: every call spends the user's quota budget, goes through
// the per-user circuit breaker and maps Google's errors to GoogleError kinds. Domain code
// (the outbox) calls these, never the googleapis client. Each takes a Ctx (a connection of
// its own) or a GmailSession a job already opened.

export type SendConsent = { connected: boolean; canSend: boolean; accountEmail: string | null };

/** Whether Gmail is connected and the grant includes a send scope (incremental consent). */
export async function gmailSendConsent(ctx: Ctx): Promise<SendConsent> {
  const t = await loadTokens(ctx, "gmail");
  const connected = !!t && t.status === "connected" && !!(t.accessToken || t.refreshToken);
  return {
    connected,
    canSend: connected && canSendGmail(t?.grantedScopes ?? []),
    accountEmail: t?.accountEmail ?? null,
  };
}

/**
 * messages.send (100 units). One attempt only: a timeout after Gmail accepted would make a
 * blind retry send twice, so the caller (the send job) retries and first looks the message
 * up by its Message-ID.
 */
export async function gmailSendMessage(
  from: Ctx | GmailSession,
  input: { raw: Buffer; threadId?: string | null },
): Promise<{ id: string; threadId: string }> {
  const s = await gmailSessionOf(from);
  return driverCall(
    s,
    QUOTA_COST["messages.send"],
    () => s.gmail.sendRaw({ raw: input.raw.toString("base64url"), threadId: input.threadId ?? undefined }),
    { maxAttempts: 1 },
  );
}

/** The Gmail id of a message in the mailbox carrying this Message-ID header, if any. */
export async function gmailFindByMessageIdHeader(
  from: Ctx | GmailSession,
  messageIdHeader: string,
): Promise<{ id: string; threadId: string } | null> {
  const s = await gmailSessionOf(from);
  const bare = messageIdHeader.replace(/^<|>$/g, "");
  const page = await driverCall(
    s,
    QUOTA_COST["messages.list"],
    () => s.gmail.listMessageIds({ q: `rfc822msgid:${bare} in:anywhere`, maxResults: 5 }),
    { maxAttempts: 4 },
  );
  const id = page.ids[0];
  if (!id) return null;
  const meta = await driverCall(
    s,
    QUOTA_COST["messages.get"],
    () => s.gmail.getMetadata(id, ["Message-ID"]),
    { maxAttempts: 4 },
  );
  return { id, threadId: meta.threadId ?? "" };
}

/** users.settings.sendAs.list (1 unit): the addresses the user may send from. */
export async function gmailListSendAs(
  from: Ctx | GmailSession,
): Promise<{ email: string; displayName: string; isPrimary: boolean }[]> {
  const s = await gmailSessionOf(from);
  return driverCall(s, QUOTA_COST["sendAs.list"], () => s.gmail.listSendAs(), { maxAttempts: 4 });
}
