import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { toTemplateDto, updateTemplateInput, type TemplateDto } from "./schemas";
import { outboxError } from "../outbox/outbox-error";

export async function updateTemplate(ctx: Ctx, input: { id: string; patch: unknown }): Promise<TemplateDto> {
  const patch = updateTemplateInput.parse(input.patch);
  const [row] = await withUser(ctx, (tx) =>
    tx
      .update(emailTemplates)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.id, input.id)))
      .returning(),
  );
  if (!row) throw outboxError("not_found", "template not found");
  return toTemplateDto(row);
}
