import { z } from "zod";
import { defineJob } from "../define-job";

// Participants -> contacts: re-link interactions to contacts by participant email.
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
  handler: (ctx, p) =>
    import("@/server/sync/relink-interaction-contacts").then((m) => m.relinkInteractionContacts(ctx, p)),
});
