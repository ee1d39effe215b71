import { and, eq, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingMessages } from "../db/schema/booking";
import { withUser } from "../db/with-user";

export type Claim = { messageId: string } | null;

function host(): string {
  return "booking.omnicrm";
}

export function bookingMessageId(bookingId: string, kind: string, version: number): string {
  return `<${bookingId}.${kind.replace(/[^a-z0-9]/gi, "-")}.v${version}@${host()}>`;
}

/**
 * Claims the right to send one mail (booking, kind, version) before sending it. The first
 * claimer wins; a retry of the same job (same jobId) whose send never completed may send
 * again, with the same Message-ID. Any other claimer gets null and sends nothing.
 */
export async function claimMessage(
  ctx: Ctx,
  m: { bookingId: string; kind: string; version: number; jobId: string },
): Promise<Claim> {
  const messageId = bookingMessageId(m.bookingId, m.kind, m.version);
  return withUser(ctx, async (tx) => {
    const inserted = await tx
      .insert(bookingMessages)
      .values({ userId: ctx.userId, ...m, messageId })
      .onConflictDoNothing()
      .returning({ messageId: bookingMessages.messageId });
    if (inserted.length > 0) return { messageId };
    const [row] = await tx
      .select({ jobId: bookingMessages.jobId, sentAt: bookingMessages.sentAt })
      .from(bookingMessages)
      .where(
        and(
          eq(bookingMessages.bookingId, m.bookingId),
          eq(bookingMessages.kind, m.kind),
          eq(bookingMessages.version, m.version),
        ),
      )
      .for("update");
    return row && !row.sentAt && row.jobId === m.jobId ? { messageId } : null;
  });
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
