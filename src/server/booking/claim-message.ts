import { and, eq, isNull, sql } from "drizzle-orm";
import { bookingMessages } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import type { JobCtx } from "../jobs/define-job";

type MessageKey = { bookingId: string; kind: string; version: number };
type Claim = { status: "claimed"; messageId: string } | { status: "sent" } | { status: "busy" };

export function bookingMessageId(bookingId: string, kind: string, version: number): string {
  return `<${bookingId}.${kind.replace(/[^a-z0-9]/gi, "-")}.v${version}@booking.omnicrm>`;
}

/** A sender renews its claim this often while it sends; a claim not renewed for CLAIM_LEASE_MS was left by a dead run. */
const RENEW_MS = 5_000;
const CLAIM_LEASE_MS = 30_000;
/** How long a copy waits for a claim held by another run (sent, released or lapsed) before retrying later. */
const BUSY_WAIT_MS = CLAIM_LEASE_MS + 10_000;

/**
 * Sends one mail (booking, kind, version) exactly once across workers, copies of a job and
 * restarts. The right to send is claimed in booking_messages before sending; the claim is
 * released when the send fails (so the retry sends) and marked sent after it succeeds.
 *
 * The claim is a lease: the sender renews it while the SMTP conversation runs. A worker
 * killed mid-send stops renewing, and the next run of the job (the job system re-runs a job
 * whose worker died) or any other copy takes the lapsed claim over and sends. A copy that
 * finds the mail "busy" waits for the holder to finish or lapse, and otherwise throws so
 * its retry comes back, rather than finishing without a mail. The Message-ID is fixed per
 * mail, so in the one window no database can close (killed after the SMTP server accepted,
 * before the claim was marked sent) the repeat carries the same Message-ID.
 */
export async function sendOnce(
  ctx: JobCtx,
  m: MessageKey,
  send: (messageId: string) => Promise<unknown>,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const claim = await claimMessage(ctx, m);
    if (claim.status === "sent") return;
    if (claim.status === "claimed") {
      const renew = setInterval(() => {
        renewClaim(ctx, m).catch((err: unknown) => ctx.log.warn({ err }, "booking mail claim not renewed"));
      }, RENEW_MS);
      try {
        await send(claim.messageId);
      } catch (e) {
        await releaseMessage(ctx, m);
        throw e;
      } finally {
        clearInterval(renew);
      }
      await markMessageSent(ctx, m);
      return;
    }
    if (Date.now() - started > BUSY_WAIT_MS) throw new Error(`${m.kind} mail is being sent by another run`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function claimMessage(ctx: JobCtx, m: MessageKey): Promise<Claim> {
  const messageId = bookingMessageId(m.bookingId, m.kind, m.version);
  return withUser(ctx, async (tx) => {
    const r = await tx.execute<{ message_id: string }>(sql`
      INSERT INTO booking_messages (user_id, booking_id, kind, version, message_id, job_id)
      VALUES (${ctx.userId}, ${m.bookingId}, ${m.kind}, ${m.version}, ${messageId}, ${ctx.jobId})
      ON CONFLICT (booking_id, kind, version) DO UPDATE
        SET job_id = excluded.job_id, claimed_at = now()
        WHERE booking_messages.sent_at IS NULL
          AND booking_messages.claimed_at < now() - ${CLAIM_LEASE_MS}::int * interval '1 millisecond'
      RETURNING message_id`);
    if (r.rows.length > 0) return { status: "claimed", messageId };
    const [row] = await tx.select({ sentAt: bookingMessages.sentAt }).from(bookingMessages).where(key(m));
    // Released between the two statements: claim again on the next turn.
    return row?.sentAt ? { status: "sent" } : { status: "busy" };
  });
}

const key = (m: MessageKey) =>
  and(
    eq(bookingMessages.bookingId, m.bookingId),
    eq(bookingMessages.kind, m.kind),
    eq(bookingMessages.version, m.version),
  );

async function renewClaim(ctx: JobCtx, m: MessageKey): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .update(bookingMessages)
      .set({ claimedAt: sql`now()` })
      .where(and(key(m), eq(bookingMessages.jobId, ctx.jobId), isNull(bookingMessages.sentAt))),
  );
}

/** Gives a claim back after a failed send, so a retry of the job can send. */
async function releaseMessage(ctx: JobCtx, m: MessageKey): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .delete(bookingMessages)
      .where(and(key(m), eq(bookingMessages.jobId, ctx.jobId), isNull(bookingMessages.sentAt))),
  );
}

async function markMessageSent(ctx: JobCtx, m: MessageKey): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .update(bookingMessages)
      .set({ sentAt: sql`now()` })
      .where(and(key(m), isNull(bookingMessages.sentAt))),
  );
}
