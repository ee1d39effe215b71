import type { Ctx } from "../../context";
import { authorizedClient } from "../authorized-client";
import { callGoogle } from "../call-google";
import { GmailApi } from "../client";
import { QUOTA_COST, takeQuota } from "../quota";
import { canSendGmail } from "../scopes";
import { loadTokens } from "../token-store";

// The Gmail driver's write side: every call spends the user's quota budget, goes through
// the per-user circuit breaker and maps Google's errors to GoogleError kinds. Domain code
// (the outbox) calls these, never the googleapis client.

const breakerKey = (ctx: Ctx) => `${ctx.userId}:gmail`;

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
  ctx: Ctx,
  input: { raw: Buffer; threadId?: string | null },
): Promise<{ id: string; threadId: string }> {
  const api = new GmailApi(await authorizedClient(ctx, "gmail"));
  await takeQuota(ctx.userId, QUOTA_COST["messages.send"]);
  return callGoogle({ breakerKey: breakerKey(ctx), maxAttempts: 1 }, () =>
    api.sendRaw({ raw: input.raw.toString("base64url"), threadId: input.threadId ?? undefined }),
  );
}

/** The Gmail id of a message in the mailbox carrying this Message-ID header, if any. */
export async function gmailFindByMessageIdHeader(
  ctx: Ctx,
  messageIdHeader: string,
): Promise<{ id: string; threadId: string } | null> {
  const api = new GmailApi(await authorizedClient(ctx, "gmail"));
  await takeQuota(ctx.userId, QUOTA_COST["messages.list"]);
  const bare = messageIdHeader.replace(/^<|>$/g, "");
  const page = await callGoogle({ breakerKey: breakerKey(ctx), maxAttempts: 4 }, () =>
    api.listMessageIds({ q: `rfc822msgid:${bare} in:anywhere`, maxResults: 5 }),
  );
  const id = page.ids[0];
  if (!id) return null;
  await takeQuota(ctx.userId, QUOTA_COST["messages.get"]);
  const meta = await callGoogle({ breakerKey: breakerKey(ctx), maxAttempts: 4 }, () =>
    api.getMetadata(id, ["Message-ID"]),
  );
  return { id, threadId: meta.threadId ?? "" };
}

/** users.settings.sendAs.list (1 unit): the addresses the user may send from. */
export async function gmailListSendAs(
  ctx: Ctx,
): Promise<{ email: string; displayName: string; isPrimary: boolean }[]> {
  const api = new GmailApi(await authorizedClient(ctx, "gmail"));
  await takeQuota(ctx.userId, QUOTA_COST["sendAs.list"]);
  return callGoogle({ breakerKey: breakerKey(ctx), maxAttempts: 4 }, () => api.listSendAs());
}
