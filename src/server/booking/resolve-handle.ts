import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import { bookingSettings } from "../db/schema/booking";
import { withSystem } from "../db/with-user";
import { AppError } from "../errors";
import { rootLog } from "../log";

/**
 * The practitioner behind a public handle, as a Ctx to act for them. An unknown handle and
 * a page that is turned off answer the same 404, so nobody can probe who uses OmniCRM.
 */
export async function resolveHandle(db: Db, handle: string): Promise<Ctx> {
  const h = handle.toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{2,39}$/.test(h)) throw notFound();
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ userId: bookingSettings.userId })
      .from(bookingSettings)
      .where(and(eq(bookingSettings.handle, h), eq(bookingSettings.enabled, true))),
  );
  if (!row) throw notFound();
  return { db, userId: row.userId, log: rootLog().child({ userId: row.userId, handle: h }) };
}

function notFound(): AppError {
  return new AppError("not_found", "No booking page here");
}
