import { z } from "zod";

/** The headers Google sends with every Calendar notification (names lower-cased by fetch). */
export const calendarNotificationHeaders = z.object({
  "x-goog-channel-id": z.string().min(1).max(256),
  "x-goog-channel-token": z.string().max(512).optional(),
  "x-goog-resource-id": z.string().max(512).optional(),
  "x-goog-resource-state": z.enum(["sync", "exists", "not_exists"]),
  "x-goog-message-number": z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** Pub/Sub push envelope (https://cloud.google.com/pubsub/docs/push). */
export const pubSubPushBody = z.object({
  message: z.object({
    data: z.string().max(16_384),
    messageId: z.string().max(256).optional(),
    publishTime: z.string().max(64).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  subscription: z.string().max(512).optional(),
});

/** What Gmail publishes: base64(JSON) of the mailbox and its new historyId. */
export const gmailPushData = z.object({
  emailAddress: z.string().min(3).max(320),
  historyId: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const webhookTokenQuery = z.object({ token: z.string().max(512).optional() });

export const pushOutcome = z.object({
  outcome: z.enum(["sync_ack", "replay", "inactive", "enqueued", "deduped"]),
});
export type PushOutcome = z.infer<typeof pushOutcome>["outcome"];
