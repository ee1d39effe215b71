import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { emailTemplates } from "../db/schema/outbox";
import { withUser } from "../db/with-user";
import { toTemplateDto, type TemplateDto } from "./schemas";
import { seedStarterTemplates } from "./seed-starter-templates";

/** The user's templates; the starter set is seeded on first use. */
export async function listTemplates(ctx: Ctx): Promise<{ items: TemplateDto[] }> {
  await seedStarterTemplates(ctx);
  const rows = await withUser(ctx, (tx) =>
    tx
      .select()
      .from(emailTemplates)
      .where(eq(emailTemplates.userId, ctx.userId))
      .orderBy(asc(emailTemplates.name)),
  );
  return { items: rows.map(toTemplateDto) };
}
