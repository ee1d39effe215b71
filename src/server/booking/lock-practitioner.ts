import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { bookings } from "../db/schema/booking";
import type { Tx } from "../db/with-user";
import { AppError } from "../errors";

/**
 * Serialises booking writes of one practitioner for the rest of the transaction, then
 * checks the span is free. With the exclusion constraint (btree_gist) the database refuses
 * an overlap anyway; without it, this lock + check is the guarantee.
 */
export async function lockAndCheckFree(
  tx: Tx,
  userId: string,
  span: { from: Date; until: Date },
  exceptId?: string,
): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`booking:${userId}`}, 0))`);
  const clash = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.userId, userId),
        eq(bookings.status, "confirmed"),
        lt(bookings.blockedFrom, span.until),
        gt(bookings.blockedUntil, span.from),
        ...(exceptId ? [ne(bookings.id, exceptId)] : []),
      ),
    )
    .limit(1);
  if (clash.length > 0) throw slotTaken();
}

export function slotTaken(): AppError {
  return new AppError("conflict", "That time was just taken. Please pick another.");
}

/** 23P01 = exclusion_violation: the constraint caught an overlap the check could not see. */
export function isOverlapViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23P01" || err?.cause?.code === "23P01";
}
