import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { requireForm, toFormDto } from "./form-view";
import type { FormDto } from "./schemas";

export async function getForm(ctx: Ctx, input: { id: string }): Promise<FormDto> {
  return withUser(ctx, async (tx) => toFormDto(await requireForm(tx, ctx.userId, input.id)));
}
