import { and, eq, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingMessages } from "../db/schema/booking";
import { withUser } from "../db/with-user";

export type Claim = { messageId: string } | null;

const host = () => "booking.omnicrm";

export function bookingMessageId(bookingId: string, kind: string, version: number): string {
  return `<${bookingId}.${kind.replace(/[^a-z0-9]/gi, "-")}.v${version}@${host()}>`;
}

/** A claim whose send neither finished nor failed cleanly (a crashed worker) may be taken over after this. */
const STALE_CLAIM = "10 minutes";

/**
 * Claims the right to send one mail (booking, kind, version) before sending it, in one
 * statement: the first claimer wins and every concurrent or later copy of the job gets null.
 * A send that fails releases its claim (releaseMessage) so the job's retry can claim again;
 * only a claim left behind by a crash is taken over, after STALE_CLAIM, with the same
 * Message-ID so the receiving side can still recognise a duplicate.
 */
export async function claimMessage(
  ctx: Ctx,
  m: { bookingId: string; kind: string; version: number; jobId: string },
): Promise<Claim> {
  const messageId = bookingMessageId(m.bookingId, m.kind, m.version);
  return withUser(ctx, async (tx) => {
    const r = await tx.execute<{ message_id: string }>(sql`
      INSERT INTO booking_messages (user_id, booking_id, kind, version, message_id, job_id)
      VALUES (${ctx.userId}, ${m.bookingId}, ${m.kind}, ${m.version}, ${messageId}, ${m.jobId})
      ON CONFLICT (booking_id, kind, version) DO UPDATE
        SET job_id = excluded.job_id, claimed_at = now()
        WHERE booking_messages.sent_at IS NULL
          AND booking_messages.claimed_at < now() - ${STALE_CLAIM}::interval
      RETURNING message_id`);
    return r.rows.length > 0 ? { messageId } : null;
  });
}

/** Gives a claim back after a failed send, so a retry of the job can send. */
export async function releaseMessage(
  ctx: Ctx,
  m: { bookingId: string; kind: string; version: number; jobId: string },
) {
  await withUser(ctx, (tx) =>
    tx
      .delete(bookingMessages)
      .where(
        and(
          eq(bookingMessages.bookingId, m.bookingId),
          eq(bookingMessages.kind, m.kind),
          eq(bookingMessages.version, m.version),
          eq(bookingMessages.jobId, m.jobId),
          isNull(bookingMessages.sentAt),
        ),
      ),
  );
}

export async function markMessageSent(ctx: Ctx, m: { bookingId: string; kind: string; version: number }) {
  await withUser(ctx, (tx) =>
    tx
      .update(bookingMessages)
      .set({ sentAt: sql`now()` })
      .where(
        and(
          eq(bookingMessages.bookingId, m.bookingId),
          eq(bookingMessages.kind, m.kind),
          eq(bookingMessages.version, m.version),
          isNull(bookingMessages.sentAt),
        ),
      ),
  );
}
