import { z } from "zod";
import { dueContactSchema } from "../rhythms/schemas";
import { taskSchema } from "../tasks/schemas";

export const todaySessionSchema = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  title: z.string().nullable(),
  type: z.string(),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      /** First line of the contact's latest note, for context before the session. */
      lastNote: z.string().nullable(),
    }),
  ),
});

export const occasionSchema = z.object({
  contactId: z.uuid(),
  displayName: z.string(),
  kind: z.enum(["birthday", "anniversary"]),
  /** The local date of this year's occasion. */
  date: z.string(),
  inDays: z.number().int(),
  /** Age turned, or years since the first session (null when the birth year is unknown). */
  years: z.number().int().nullable(),
});
export type Occasion = z.infer<typeof occasionSchema>;

export const todaySchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  tasks: z.array(taskSchema),
  dueContacts: z.array(dueContactSchema),
  /** More people are due than listed (the list is the longest-quiet first). */
  dueContactsMore: z.boolean(),
  sessions: z.array(todaySessionSchema),
  birthdays: z.array(occasionSchema),
  /** False until the user has a contact or a task: the home page shows the welcome instead. */
  hasData: z.boolean(),
});
export type Today = z.infer<typeof todaySchema>;
