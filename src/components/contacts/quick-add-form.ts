import { z } from "zod";
import { createContactInput, emailInput, phoneInput } from "@/server/contacts/schemas";

// Built from the API's own schema pieces (same rules, same messages); the form takes one
// email and one phone as plain fields, and toCreateInput() reshapes them for the API.
export const quickAddSchema = createContactInput.pick({ displayName: true, stage: true }).extend({
  email: emailInput.shape.value.or(z.literal("")),
  phone: phoneInput.shape.value.or(z.literal("")),
});
export type QuickAddValues = z.input<typeof quickAddSchema>;

export function toCreateInput(v: z.output<typeof quickAddSchema>) {
  return createContactInput.parse({
    displayName: v.displayName,
    stage: v.stage,
    emails: v.email ? [{ value: v.email, isPrimary: true }] : [],
    phones: v.phone ? [{ value: v.phone, isPrimary: true }] : [],
  });
}

/** API field paths ("emails.0.value") → form field names. */
export function formFieldOf(apiField: string): keyof QuickAddValues | null {
  if (apiField.startsWith("emails")) return "email";
  if (apiField.startsWith("phones")) return "phone";
  if (apiField === "displayName" || apiField === "stage") return apiField;
  return null;
}
