import type { z } from "zod";
import type { AnyJobDefinition, JobHandler, JobQueue } from "./define-job";
import { bookingNotifyJob } from "./definitions/booking-notify";
import { bookingReminderJob } from "./definitions/booking-reminder";
import { embedJob } from "./definitions/embed";
import { googleCalendarSyncJob } from "./definitions/google-calendar-sync";
import { googleGmailSyncJob } from "./definitions/google-gmail-sync";
import { insightJob } from "./definitions/insight";
import { noopJob } from "./definitions/noop";
import { outboxSendJob } from "./definitions/outbox-send";
import { normalizeGoogleEmailJob } from "./definitions/normalize-google-email";
import { normalizeGoogleEventJob } from "./definitions/normalize-google-event";
import { resolveContactsJob } from "./definitions/resolve-contacts";
import { scanPromisesJob } from "./definitions/scan-promises";
import { sendDigestJob } from "./definitions/send-digest";
import { formsReconsentJob } from "./definitions/forms-reconsent";

/**
 * Every job kind the app knows. Adding a kind = one file in definitions/ (payload schema
 * and handler) plus one line here; enqueue() then accepts it with its payload type, and
 * both the BullMQ worker and the embedded runner can run it.
 */
const builtIn = [
  googleGmailSyncJob,
  googleCalendarSyncJob,
  normalizeGoogleEmailJob,
  normalizeGoogleEventJob,
  resolveContactsJob,
  embedJob,
  insightJob,
  noopJob,
  bookingNotifyJob,
  bookingReminderJob,
  outboxSendJob,
  sendDigestJob,
  scanPromisesJob,
  formsReconsentJob,
] as const;

type BuiltIn = (typeof builtIn)[number];
export type JobKind = BuiltIn["kind"];
type DefOf<K extends JobKind> = Extract<BuiltIn, { kind: K }>;
/** What enqueue() accepts for a kind (zod input: defaults may be omitted). */
export type JobPayload<K extends JobKind> = z.input<DefOf<K>["payload"]>;
/** What the handler receives (zod output, defaults applied). */
export type JobPayloadParsed<K extends JobKind> = z.output<DefOf<K>["payload"]>;

const g = globalThis as unknown as { __omnicrmJobDefs?: Map<string, AnyJobDefinition> };
// On globalThis so Next.js bundles and module reloads share one registry.
const defs = (g.__omnicrmJobDefs ??= new Map<string, AnyJobDefinition>(builtIn.map((d) => [d.kind, d])));

/** Adds a kind at runtime (tests, plugins). Typed enqueue() covers built-in kinds only. */
export function registerJob(def: AnyJobDefinition): void {
  defs.set(def.kind, def);
}

export function findJobDefinition(kind: string): AnyJobDefinition | undefined {
  return defs.get(kind);
}

/** The handler a definition declares (undefined only for an unknown kind or a malformed runtime definition). */
export function findJobHandler(kind: string): JobHandler<unknown> | undefined {
  return defs.get(kind)?.handler as JobHandler<unknown> | undefined;
}

/** The built-in definitions (tests check every one declares a handler). */
export function builtInJobDefinitions(): readonly AnyJobDefinition[] {
  return builtIn;
}

export function usedQueues(): JobQueue[] {
  return [...new Set([...defs.values()].map((d) => d.queue))];
}
