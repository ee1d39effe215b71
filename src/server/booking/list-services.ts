import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import type { Service } from "./schemas";
import { toService } from "./service-dto";

export async function listServices(ctx: Ctx): Promise<{ items: Service[] }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(bookingServices)
      .where(eq(bookingServices.userId, ctx.userId))
      .orderBy(asc(bookingServices.name), asc(bookingServices.id));
    return { items: rows.map(toService) };
  });
}
