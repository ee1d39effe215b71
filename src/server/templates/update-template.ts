import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { AppError } from "../errors";
import { toTemplateDto, updateTemplateInput, type TemplateDto } from "./schemas";

export async function updateTemplate(ctx: Ctx, input: { id: string; patch: unknown }): Promise<TemplateDto> {
  const patch = updateTemplateInput.parse(input.patch);
  const [row] = await withUser(ctx, (tx) =>
    tx
      .update(emailTemplates)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(emailTemplates.userId, ctx.userId), eq(emailTemplates.id, input.id)))
      .returning(),
  );
  if (!row) throw new AppError("not_found", "template not found");
  return toTemplateDto(row);
}
