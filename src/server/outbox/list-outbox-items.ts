import { and, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { outboxItems } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { toOutboxDtos } from "./outbox-dto";
import type { listOutboxQuery, OutboxItemDto } from "./schemas";

export async function listOutboxItems(
  ctx: Ctx,
  q: z.output<typeof listOutboxQuery>,
): Promise<{ items: OutboxItemDto[] }> {
  const timeZone = await getUserTimeZone(ctx);
  return withUser(ctx, async (tx) => {
    const where: SQL[] = [eq(outboxItems.userId, ctx.userId)];
    if (q.status) where.push(eq(outboxItems.status, q.status));
    if (q.contactId) where.push(eq(outboxItems.contactId, q.contactId));
    const rows = await tx
      .select()
      .from(outboxItems)
      .where(and(...where))
      .orderBy(desc(outboxItems.createdAt))
      .limit(q.limit);
    return { items: await toOutboxDtos(tx, rows, timeZone) };
  });
}
