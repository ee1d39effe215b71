import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { updateServiceInput, type Service, type UpdateServiceInput } from "./schemas";
import { toService } from "./service-dto";

export async function updateService(ctx: Ctx, id: string, raw: UpdateServiceInput): Promise<Service> {
  const patch = updateServiceInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .update(bookingServices)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(bookingServices.userId, ctx.userId), eq(bookingServices.id, id)))
      .returning();
    if (!row) throw new AppError("not_found", "No such service");
    return toService(row);
  });
}
