import { defineContract } from "../contract";
import { pubSubPushBody, pushOutcome, webhookTokenQuery } from "../../sync/push/schemas";

// Server-to-server: no session, no CSRF (prefix in CSRF_EXEMPT_PREFIXES), no user rate
// limit. Each call is verified by its own secret instead (see docs/ops/google-push.md).

export const calendarWebhookContract = defineContract({
  method: "POST",
  path: "/api/v1/webhooks/google/calendar",
  summary:
    "Google Calendar push notification (events.watch channel). Verified by X-Goog-Channel-ID + X-Goog-Channel-Token; sync handshakes and replays are acknowledged without work",
  tags: ["webhooks"],
  auth: "public",
  rateLimit: "none",
  response: pushOutcome,
  errors: ["unauthorized", "not_found", "invalid_body"],
});

export const gmailWebhookContract = defineContract({
  method: "POST",
  path: "/api/v1/webhooks/google/gmail",
  summary:
    "Gmail push via a Pub/Sub push subscription (users.watch). Verified by the shared secret in ?token= and/or the subscription's OIDC bearer token; queues a debounced incremental sync for the mailbox's user",
  tags: ["webhooks"],
  auth: "public",
  rateLimit: "none",
  query: webhookTokenQuery,
  body: pubSubPushBody,
  response: pushOutcome,
  errors: ["unauthorized", "not_found", "invalid_body"],
});
