import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { interactionContacts, interactions } from "../db/schema/interactions";
import { AppError } from "../errors";
import type { InteractionView } from "./schemas";

export async function getInteraction(ctx: Ctx, input: { id: string }): Promise<InteractionView> {
  const { userId } = ctx;
  const { id } = input;
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(interactions)
      .where(and(eq(interactions.userId, userId), eq(interactions.id, id)));
    if (!row) throw new AppError("not_found", "interaction not found");
    const links = await tx
      .select({ c: interactionContacts.contactId })
      .from(interactionContacts)
      .where(and(eq(interactionContacts.userId, userId), eq(interactionContacts.interactionId, id)));
    return {
      id: row.id,
      type: row.type,
      source: row.source,
      occurredAt: row.occurredAt.toISOString(),
      subject: row.subject,
      body: row.body,
      summary: row.summary,
      direction: row.direction,
      contactIds: links.map((l) => l.c),
    };
  });
}
