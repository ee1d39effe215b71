import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { forms } from "../db/schema/forms";
import { AppError } from "../errors";
import { consentTextOf, sha256Hex } from "./consent-hash";
import { formFieldsSchema, type FormDto, type FormField } from "./schemas";

type FormRow = typeof forms.$inferSelect;

/** Stored fields were validated on write; parse again so the rest of the code gets the typed shape. */
export function fieldsOf(stored: unknown): FormField[] {
  return formFieldsSchema.parse(stored);
}

export function toFormDto(r: FormRow): FormDto {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    templateKey: r.templateKey,
    fields: fieldsOf(r.fields),
    consentVersion: r.consentVersion,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The caller's form, or 404 (also for another user's id). */
export async function requireForm(tx: Tx, userId: string, id: string): Promise<FormRow> {
  const [row] = await tx
    .select()
    .from(forms)
    .where(and(eq(forms.userId, userId), eq(forms.id, id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "form not found");
  return row;
}

/** The hash of a field list's consent text; null when it has no consent block. */
export function consentShaOf(fields: FormField[]): string | null {
  const text = consentTextOf(fields);
  return text ? sha256Hex(text) : null;
}
