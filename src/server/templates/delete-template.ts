import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { outboxError } from "../outbox/outbox-error";

export async function deleteTemplate(
  ctx: Ctx,
  input: { id: string },
): Promise<{ id: string; deleted: true }> {
  const [row] = await withUser(ctx, (tx) =>
    tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.id, input.id)))
      .returning({ id: emailTemplates.id }),
  );
  if (!row) throw outboxError("not_found", "template not found");
  return { id: row.id, deleted: true };
}
