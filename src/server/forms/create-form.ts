import type { Ctx } from "../context";
import { forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { consentShaOf, toFormDto } from "./form-view";
import { createFormInput, formFieldsSchema, type CreateFormInput, type FormDto } from "./schemas";
import { FORM_TEMPLATES } from "./templates";

/** Creates a form, empty or from a starter template (the copy is the practitioner's to edit). */
export async function createForm(ctx: Ctx, raw: CreateFormInput): Promise<FormDto> {
  const input = createFormInput.parse(raw);
  const t = input.template ? FORM_TEMPLATES[input.template] : null;
  const fields = input.fields ?? formFieldsSchema.parse(t?.fields ?? []);
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .insert(forms)
      .values({
        userId: ctx.userId,
        name: input.name ?? t?.name ?? "Untitled form",
        description: input.description ?? t?.description ?? null,
        templateKey: input.template ?? null,
        fields,
        consentSha256: consentShaOf(fields),
      })
      .returning();
    return toFormDto(row!);
  });
}
