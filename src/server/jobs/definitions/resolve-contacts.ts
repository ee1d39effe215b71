import { z } from "zod";
import { defineJob } from "../define-job";

// Participants -> contacts (create per policy, link identities). Handler: sync domain.
export const resolveContactsJob = defineJob({
  kind: "resolve_contacts",
  payload: z.object({
    /** Interactions whose participants still need matching to contacts; omitted = all unresolved. */
    interactionIds: z.array(z.uuid()).max(1000).optional(),
  }),
  attempts: 5,
  backoff: { type: "exponential", delayMs: 10_000 },
  timeoutMs: 5 * 60_000,
  queue: "default",
  // handler: provided by the owning domain (see docs/architecture/jobs.md, "Adding a job kind").
});
