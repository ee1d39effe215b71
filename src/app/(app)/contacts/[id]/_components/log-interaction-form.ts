import { z } from "zod";
import { logInteractionInput } from "@/server/interactions/schemas";

export const loggableTypes = [
  ["session", "Session"],
  ["call", "Call"],
] as const;

// The API's own subject/body rules; the form adds a local date-time field that becomes the
// API's ISO `occurredAt` in toLogInput().
export const logFormSchema = logInteractionInput.pick({ subject: true, body: true }).extend({
  type: z.enum(["session", "call"]),
  occurredAt: z
    .string()
    .min(1, "When did it happen?")
    .refine((v) => !Number.isNaN(new Date(v).getTime()), "Enter a date and time")
    .refine((v) => new Date(v).getTime() < Date.now() + 366 * 864e5, "That is more than a year ahead"),
});
export type LogFormValues = z.input<typeof logFormSchema>;

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, the format of <input type="datetime-local">. */
export function localDateTime(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function toLogInput(v: z.output<typeof logFormSchema>, contactId: string, idempotencyKey: string) {
  return logInteractionInput.parse({
    type: v.type,
    occurredAt: new Date(v.occurredAt).toISOString(),
    subject: v.subject?.trim() ? v.subject.trim() : null,
    body: v.body?.trim() ? v.body : null,
    contactIds: [contactId],
    idempotencyKey,
  });
}
