import type { Ctx } from "../context";
import { bookingServices } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import { createServiceInput, type CreateServiceInput, type Service } from "./schemas";
import { toService } from "./service-dto";

export async function createService(ctx: Ctx, raw: CreateServiceInput): Promise<Service> {
  const input = createServiceInput.parse(raw);
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .insert(bookingServices)
      .values({ ...input, userId: ctx.userId })
      .returning();
    return toService(row!);
  });
}
