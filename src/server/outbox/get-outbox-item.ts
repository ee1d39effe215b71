import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { toOutboxDtos } from "./outbox-dto";
import type { OutboxItemDto } from "./schemas";
import { outboxError } from "./outbox-error";

export async function getOutboxItem(ctx: Ctx, input: { id: string }): Promise<OutboxItemDto> {
  const timeZone = await getUserTimeZone(ctx);
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(outboxItems)
      .where(and(eq(outboxItems.userId, ctx.userId), eq(outboxItems.id, input.id)));
    if (!rows[0]) throw outboxError("not_found", "outbox item not found");
    return (await toOutboxDtos(tx, rows, timeZone))[0]!;
  });
}
