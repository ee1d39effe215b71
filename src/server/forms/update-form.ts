import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { enqueue } from "../jobs/enqueue";
import { consentShaOf, requireForm, toFormDto } from "./form-view";
import { updateFormInput, type FormDto, type UpdateFormInput } from "./schemas";

/**
 * Changes a form. When the consent text changes its version goes up, and a re-consent
 * reminder job is queued: everyone who signed the old text gets a task to ask again.
 */
export async function updateForm(ctx: Ctx, input: { id: string; patch: UpdateFormInput }): Promise<FormDto> {
  const p = updateFormInput.parse(input.patch);
  const { dto, consentChanged } = await withUser(ctx, async (tx) => {
    const cur = await requireForm(tx, ctx.userId, input.id);
    const set: Partial<typeof forms.$inferInsert> = { updatedAt: new Date() };
    if (p.name !== undefined) set.name = p.name;
    if (p.description !== undefined) set.description = p.description;
    let changed = false;
    if (p.fields !== undefined) {
      set.fields = p.fields;
      const sha = consentShaOf(p.fields);
      if (sha !== cur.consentSha256) {
        set.consentSha256 = sha;
        // A form that gains its first consent block starts at version 1 like a new one.
        changed = cur.consentSha256 !== null;
        if (changed) set.consentVersion = cur.consentVersion + 1;
      }
    }
    const [row] = await tx
      .update(forms)
      .set(set)
      .where(and(eq(forms.userId, ctx.userId), eq(forms.id, input.id)))
      .returning();
    return { dto: toFormDto(row!), consentChanged: changed };
  });
  if (consentChanged)
    await enqueue(ctx, "forms_reconsent", { formId: input.id }, { dedupeKey: `reconsent:${input.id}` });
  return dto;
}
