import { and, eq, lt, or, sql } from "drizzle-orm";
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
 * so a second worker (or a duplicate job) finds it and stops. A claim is taken over only
 * when its run is known dead: a later attempt of the same job (the queue re-delivers a job
 * only after its worker died or timed out), or any run once the claim is STALE_CLAIM_MS
 * old. The take-over re-sends with the same Message-ID, so in the one case that cannot be
 * told apart — the worker died after the SMTP server accepted the mail but before the send
 * was recorded — the receiving server can recognise the duplicate.
 */
export async function sendDigest(
  ctx: Ctx & { jobId?: string; attempt?: number },
  input: { localDate: string },
  now = new Date(),
): Promise<DigestOutcome> {
  const messageId = `<digest-${ctx.userId}-${input.localDate}@omnicrm>`;
  const run = { claimJobId: ctx.jobId ?? null, claimAttempt: ctx.attempt ?? null };
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  // The previous run of this very job died (it is being re-delivered as a later attempt).
  const ownDeadRun =
    ctx.jobId && ctx.attempt
      ? and(eq(digestSends.claimJobId, ctx.jobId), lt(digestSends.claimAttempt, ctx.attempt))
      : undefined;
  const claim = await withUser(ctx, async (tx) => {
    const [s] = await tx.select().from(followupSettings).where(eq(followupSettings.userId, ctx.userId));
    if (!s?.digestEnabled) return "disabled" as const;
    const fresh = await tx
      .insert(digestSends)
      .values({ userId: ctx.userId, localDate: input.localDate, messageId, ...run })
      .onConflictDoNothing()
      .returning({ localDate: digestSends.localDate });
    if (fresh.length) return "claimed" as const;
    const stale = await tx
      .update(digestSends)
      .set({ claimedAt: now, ...run })
      .where(
        and(
          eq(digestSends.userId, ctx.userId),
          eq(digestSends.localDate, input.localDate),
          eq(digestSends.status, "sending"),
          or(lt(digestSends.claimedAt, staleBefore), ownDeadRun),
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
