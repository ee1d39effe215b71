import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";

/** Deletes a service; its past bookings keep their title and times (service_id becomes null). */
export async function deleteService(ctx: Ctx, id: string): Promise<{ deleted: true }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .delete(bookingServices)
      .where(and(eq(bookingServices.userId, ctx.userId), eq(bookingServices.id, id)))
      .returning({ id: bookingServices.id });
    if (rows.length === 0) throw new AppError("not_found", "No such service");
    return { deleted: true as const };
  });
}
