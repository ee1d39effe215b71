import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { authUsers } from "../db/schema/auth";
import { bookingSettings } from "../db/schema/booking";
import { forms } from "../db/schema/forms";
import { withUser } from "../db/with-user";
import { needsSignature } from "./answer-schema";
import { fieldsOf } from "./form-view";
import { notFound, resolveFormLink } from "./resolve-form-link";
import type { PublicFormDto } from "./schemas";

/** What the client's page shows: the form and the practitioner's public name (no ids). */
export async function getPublicForm(db: Db, token: string): Promise<PublicFormDto> {
  const { ctx, link } = await resolveFormLink(db, token);
  return withUser(ctx, async (tx) => {
    const [row] = await tx
      .select({ form: forms, name: authUsers.name, displayName: bookingSettings.displayName })
      .from(forms)
      .innerJoin(authUsers, eq(authUsers.id, forms.userId))
      .leftJoin(bookingSettings, eq(bookingSettings.userId, forms.userId))
      .where(and(eq(forms.userId, ctx.userId), eq(forms.id, link.formId)));
    if (!row) throw notFound();
    const fields = fieldsOf(row.form.fields);
    return {
      name: row.form.name,
      description: row.form.description,
      practitioner: row.displayName ?? row.name ?? "",
      fields,
      needsSignature: needsSignature(fields),
    };
  });
}
