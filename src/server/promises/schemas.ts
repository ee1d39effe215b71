import { z } from "zod";
import { suggestionStatuses } from "../db/schema/task-suggestions";
import { scanPromisesJob } from "../jobs/definitions/scan-promises";

/** What the model returns for a batch of the user's own texts (validated; anything else fails). */
export const extractedPromisesSchema = z.object({
  promises: z
    .array(
      z.object({
        /** Which text (its number in the prompt) the promise was written in. */
        source: z.number().int().min(1),
        /** A short imperative task title: "Send Anna the stretch PDF". */
        title: z.string().trim().min(1).max(200),
        /** The deadline in the writer's words ("by Friday", "tomorrow", "next week"), or null. */
        due: z.string().max(80).nullable(),
        /** The sentence that makes the promise, copied from the text. */
        quote: z.string().max(400),
      }),
    )
    .max(30),
});
export type ExtractedPromises = z.infer<typeof extractedPromisesSchema>;

export const taskSuggestionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** "YYYY-MM-DD" or an ISO instant, as a task's due; null when the promise named no deadline. */
  due: z.string().nullable(),
  source: z.enum(["email", "note"]),
  /** "interaction:<id>" or "note:<id>". */
  sourceRef: z.string(),
  /** Where to read the source in the app (the contact page, scrolled to it). */
  sourceHref: z.string().nullable(),
  quote: z.string().nullable(),
  contact: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  status: z.enum(suggestionStatuses),
  taskId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type TaskSuggestionView = z.infer<typeof taskSuggestionSchema>;

export const taskSuggestionListSchema = z.object({
  /** False without an AI provider: nothing is scanned and `hint` says how to turn it on. */
  aiConfigured: z.boolean(),
  hint: z.string().nullable(),
  items: z.array(taskSuggestionSchema),
});
export type TaskSuggestionList = z.infer<typeof taskSuggestionListSchema>;

export const scanPromisesPayload = scanPromisesJob.payload;
export type ScanPromisesPayload = z.infer<typeof scanPromisesPayload>;

/** Only recent writing is scanned: a promise from a year-old email is not today's task. */
export const PROMISE_LOOKBACK_DAYS = 14;

/** "Send Anna the PDF!" and "send anna the pdf" are one promise. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
