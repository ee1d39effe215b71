import { z } from "zod";
import { defineJob } from "../define-job";

// One user's re-consent reminders (tasks); idempotent by the tasks' source_ref.
export const formsReconsentJob = defineJob({
  kind: "forms_reconsent",
  payload: z.object({ formId: z.uuid().optional() }),
  attempts: 3,
  backoff: { type: "exponential", delayMs: 60_000, maxDelayMs: 30 * 60_000 },
  timeoutMs: 2 * 60_000,
  handler: (ctx, p) =>
    import("@/server/forms/remind-reconsent").then((m) => m.remindReconsent(ctx, p)).then(() => undefined),
});
