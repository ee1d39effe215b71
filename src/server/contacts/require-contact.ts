import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { AppError } from "../errors";

/** The caller's contact, or 404 (also for another user's id, so ids cannot be probed). */
export async function requireContact(tx: Tx, userId: string, id: string, opts: { deleted?: boolean } = {}) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        eq(contacts.id, id),
        opts.deleted === undefined ? undefined : opts.deleted ? undefined : isNull(contacts.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("not_found", "contact not found");
  return row;
}
