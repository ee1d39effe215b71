import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { toFormDto } from "./form-view";
import type { FormDto } from "./schemas";

export async function listForms(ctx: Ctx): Promise<{ items: FormDto[] }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(forms)
      .where(eq(forms.userId, ctx.userId))
      .orderBy(desc(forms.createdAt))
      .limit(500);
    return { items: rows.map(toFormDto) };
  });
}
