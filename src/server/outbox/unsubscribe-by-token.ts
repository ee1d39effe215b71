import type { SystemCtx } from "../context";
import { readUnsubscribeToken } from "./unsubscribe-token";
import { setDoNotEmail } from "./set-do-not-email";

/**
 * The public unsubscribe link: a valid token sets the contact's "do not email". The
 * answer is the same whether or not the contact still exists (nothing to learn from it).
 */
export async function unsubscribeByToken(ctx: SystemCtx, token: string): Promise<{ ok: boolean }> {
  const t = readUnsubscribeToken(token);
  if (!t) return { ok: false };
  await setDoNotEmail(
    { db: ctx.db, log: ctx.log, userId: t.userId },
    { contactId: t.contactId, doNotEmail: true, source: "unsubscribe" },
  ).catch(() => undefined);
  return { ok: true };
}
