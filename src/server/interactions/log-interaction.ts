import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { interactions } from "../db/schema/interactions";
import { AppError } from "../errors";
import { linkInteractionContacts } from "../contacts/link-interaction-contacts";
import { logInteractionInput, type InteractionView, type LogInteractionInput } from "./schemas";
import { getInteraction } from "./get-interaction";

/** Logs a call/session/meeting/note by hand and links it to the given contacts. */
export async function logInteraction(ctx: Ctx, raw: LogInteractionInput): Promise<InteractionView> {
  const input = logInteractionInput.parse(raw);
  const userId = ctx.userId;
  return withUser(ctx, async (tx) => {
    const ids = [...new Set(input.contactIds)];
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(contacts.id, ids), isNull(contacts.deletedAt)));
    if (found.length !== ids.length)
      // Another user's id answers exactly like an id that never existed: 404, never 403.
      throw new AppError("not_found", "unknown contact", {
        fields: { contactIds: ["unknown contact id"] },
      });
    const sourceId = input.idempotencyKey ?? randomUUID();
    const [row] = await tx
      .insert(interactions)
      .values({
        userId,
        type: input.type,
        source: "manual",
        sourceId,
        occurredAt: new Date(input.occurredAt),
        subject: input.subject ?? null,
        body: input.body ?? null,
        direction: "internal",
      })
      .onConflictDoNothing()
      .returning({ id: interactions.id });
    const id =
      row?.id ??
      (
        await tx
          .select({ id: interactions.id })
          .from(interactions)
          .where(
            and(
              eq(interactions.userId, userId),
              eq(interactions.source, "manual"),
              eq(interactions.sourceId, sourceId),
            ),
          )
      )[0]!.id;
    await linkInteractionContacts(
      tx,
      userId,
      ids.map((contactId) => ({ interactionId: id, contactId })),
    );
    return getInteraction({ ...ctx, tx }, { id });
  });
}
