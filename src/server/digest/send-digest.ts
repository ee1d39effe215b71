import { and, eq, lt, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { authUsers } from "../db/schema/auth";
import { digestSends, followupSettings } from "../db/schema/followups";
import { withUser } from "../db/with-user";
import { sendSmtpMail } from "../mail/send-smtp-mail";
import { getDigestPreview, unsubscribeUrl } from "./get-digest-preview";

/** A claim older than this belongs to a run that died before recording its send. */
export const STALE_CLAIM_MS = 10 * 60_000;

export type DigestOutcome = "sent" | "empty" | "already" | "disabled";

/**
 * Sends one user's digest for one local date, exactly once across workers, retries and
 * restarts: a (user, local date) row is claimed and committed before the mail goes out,
 * so a second worker (or a re-delivered job) finds it and stops. Only a run that died
 * between claiming and recording can be retried, after STALE_CLAIM_MS, and it re-sends
 * with the same Message-ID so the receiving server can recognise the duplicate.
 */
export async function sendDigest(
  ctx: Ctx,
  input: { localDate: string },
  now = new Date(),
): Promise<DigestOutcome> {
  const messageId = `<digest-${ctx.userId}-${input.localDate}@omnicrm>`;
  const claim = await withUser(ctx, async (tx) => {
    const [s] = await tx.select().from(followupSettings).where(eq(followupSettings.userId, ctx.userId));
    if (!s?.digestEnabled) return "disabled" as const;
    const fresh = await tx
      .insert(digestSends)
      .values({ userId: ctx.userId, localDate: input.localDate, messageId })
      .onConflictDoNothing()
      .returning({ localDate: digestSends.localDate });
    if (fresh.length) return "claimed" as const;
    const stale = await tx
      .update(digestSends)
      .set({ claimedAt: now })
      .where(
        and(
          eq(digestSends.userId, ctx.userId),
          eq(digestSends.localDate, input.localDate),
          eq(digestSends.status, "sending"),
          lt(digestSends.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
        ),
      )
      .returning({ localDate: digestSends.localDate });
    return stale.length ? ("claimed" as const) : ("already" as const);
  });
  if (claim !== "claimed") return claim;
  const digest = await getDigestPreview(ctx, now);
  const record = (status: "sent" | "empty") =>
    withUser(ctx, (tx) =>
      tx
        .update(digestSends)
        .set({ status, sentAt: sql`now()` })
        .where(and(eq(digestSends.userId, ctx.userId), eq(digestSends.localDate, input.localDate))),
    );
  if (digest.empty) {
    await record("empty");
    return "empty";
  }
  const [user] = await withUser(ctx, (tx) =>
    tx.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, ctx.userId)),
  );
  const unsubscribe = unsubscribeUrl(ctx.userId);
  await sendSmtpMail({
    to: user!.email,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    messageId,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
  await record("sent");
  ctx.log.info({ localDate: input.localDate }, "morning digest sent");
  return "sent";
}
