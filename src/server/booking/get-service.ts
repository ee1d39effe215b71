import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import type { Service } from "./schemas";
import { toService } from "./service-dto";

export async function getService(ctx: Ctx, id: string): Promise<Service> {
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(bookingServices)
      .where(and(eq(bookingServices.userId, ctx.userId), eq(bookingServices.id, id)));
    if (!row) throw new AppError("not_found", "No such service");
    return toService(row);
  });
}
