import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { createTemplateInput, toTemplateDto, type TemplateDto } from "./schemas";

export async function createTemplate(ctx: Ctx, raw: unknown): Promise<TemplateDto> {
  const input = createTemplateInput.parse(raw);
  const [row] = await withUser(ctx, (tx) =>
    tx
      .insert(emailTemplates)
      .values({ userId: ctx.userId, ...input })
      .returning(),
  );
  return toTemplateDto(row!);
}
