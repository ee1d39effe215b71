// zod schemas for control calls arriving over HTTP (POST /__emulator/{method}).
import { z } from "zod";
import type { EmulatorControl } from "./control";

const email = z.string().min(3);
const when = z.union([z.string(), z.number()]);
const time = z.object({
  dateTime: z.string().optional(),
  date: z.string().optional(),
  timeZone: z.string().optional(),
});
const person = z.object({ email: z.string(), displayName: z.string().optional() });
const attendee = person.extend({
  responseStatus: z.enum(["needsAction", "declined", "tentative", "accepted"]).optional(),
  organizer: z.boolean().optional(),
  optional: z.boolean().optional(),
});

const eventFields = {
  id: z
    .string()
    .regex(/^[a-v0-9]{5,1024}$/)
    .optional(),
  status: z.enum(["confirmed", "tentative", "cancelled"]).optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  organizer: person.optional(),
  creator: person.optional(),
  attendees: z.array(attendee).optional(),
  visibility: z.enum(["default", "public", "private", "confidential"]).optional(),
  transparency: z.enum(["opaque", "transparent"]).optional(),
  recurrence: z.array(z.string()).optional(),
  extendedProperties: z
    .object({
      private: z.record(z.string(), z.string()).optional(),
      shared: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
};

const eventSpec = z.object({ ...eventFields, start: time, end: time });
const eventPatch = z.object({ ...eventFields, start: time.optional(), end: time.optional() });

const messageSpec = z.object({
  from: z.string().optional(),
  to: z.union([z.string(), z.array(z.string())]).optional(),
  cc: z.union([z.string(), z.array(z.string())]).optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  date: when.optional(),
  labelIds: z.array(z.string()).optional(),
  inReplyTo: z.string().optional(),
  attachments: z
    .array(
      z.object({
        filename: z.string(),
        mimeType: z.string(),
        content: z.string(),
        base64: z.boolean().optional(),
      }),
    )
    .optional(),
  extraHeaders: z.record(z.string(), z.string()).optional(),
  raw: z.string().optional(),
});

const mailboxSpec = z.object({
  messages: z.number().int().min(0).max(1_000_000).optional(),
  seed: z.number().int().optional(),
  days: z.number().positive().optional(),
  personas: z.number().int().min(1).max(10_000).optional(),
  includeFixtures: z.boolean().optional(),
  now: when.optional(),
});

const calendarSpec = z.object({
  events: z.number().int().min(0).max(100_000).optional(),
  seed: z.number().int().optional(),
  timeZone: z.string().optional(),
  pastDays: z.number().int().min(0).optional(),
  futureDays: z.number().int().min(0).optional(),
  now: when.optional(),
});

const faultSpec = z.object({
  kind: z.enum(["rate_limit_429", "rate_limit_403", "server_500", "slow", "lose_response"]),
  forMs: z.number().int().positive().optional(),
  count: z.number().int().positive().optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  pathPrefix: z.string().startsWith("/").optional(),
  retryAfterSec: z.number().int().min(0).optional(),
});

/** Positional arguments per method, mirroring the in-process EmulatorControl. */
export const CONTROL_ARGS = {
  addAccount: z.tuple([
    email,
    z
      .object({
        name: z.string().optional(),
        seed: z.number().int().optional(),
        mailbox: mailboxSpec.optional(),
        calendar: calendarSpec.optional(),
        sendAs: z.array(email).max(20).optional(),
      })
      .optional(),
  ]),
  listAccounts: z.tuple([]),
  addMessage: z.tuple([email, messageSpec]),
  deleteMessage: z.tuple([email, z.string()]),
  modifyLabels: z.tuple([email, z.string(), z.array(z.string()), z.array(z.string()).optional()]),
  addEvent: z.tuple([email, eventSpec]),
  updateEvent: z.tuple([email, z.string(), eventPatch]),
  cancelEvent: z.tuple([email, z.string()]),
  revokeAllGrants: z.tuple([email]),
  mintTokens: z.tuple([
    email,
    z
      .object({
        scope: z.union([z.string(), z.array(z.string())]).optional(),
        ttlSec: z.number().positive().optional(),
        offline: z.boolean().optional(),
      })
      .optional(),
  ]),
  expireHistory: z.tuple([email]),
  expireSyncTokens: z.tuple([email]),
  setFault: z.tuple([faultSpec]),
  clearFaults: z.tuple([]),
  stats: z.tuple([]),
  resetStats: z.tuple([]),
  describeCorpus: z.tuple([email.optional()]),
  setPubSubPush: z.tuple([
    z.string().regex(/^projects\/[^/]+\/topics\/[^/]+$/),
    z.url(),
    z.object({ audience: z.string().min(1), serviceAccountEmail: z.string().optional() }).optional(),
  ]),
  pushRegistrations: z.tuple([email]),
  pushCalendar: z.tuple([
    email,
    z
      .object({
        resourceState: z.enum(["sync", "exists", "not_exists"]).optional(),
        token: z.string().optional(),
        messageNumber: z.number().int().min(0).optional(),
      })
      .optional(),
  ]),
  pushGmail: z.tuple([
    email,
    z
      .object({
        historyId: z.number().int().min(0).optional(),
        messageId: z.string().optional(),
        authorization: z.string().optional(),
      })
      .optional(),
  ]),
} satisfies Record<keyof EmulatorControl, z.ZodType>;

export type ControlMethod = keyof typeof CONTROL_ARGS;
export const CONTROL_METHODS = Object.keys(CONTROL_ARGS) as ControlMethod[];
