import { env } from "@/lib/env";

export const CALENDAR_WEBHOOK_PATH = "/api/v1/webhooks/google/calendar";
export const GMAIL_WEBHOOK_PATH = "/api/v1/webhooks/google/gmail";

/** Both Calendar channels and Gmail watches last about 7 days; renew with 2 days to spare. */
export const RENEW_BEFORE_MS = 2 * 86_400_000;

/** Where Google should POST Calendar notifications; null = Calendar push is off (polling). */
export function calendarPushAddress(): string | null {
  const base = env().GOOGLE_PUSH_BASE_URL;
  return base ? `${base.replace(/(?<!\/)\/+$/, "")}${CALENDAR_WEBHOOK_PATH}` : null;
}

/**
 * The Pub/Sub topic for users.watch; null = Gmail push is off (polling). Needs a way to
 * verify pushes too: the shared secret, the OIDC audience, or both.
 */
export function gmailPushTopic(): string | null {
  const e = env();
  const verifiable = e.GOOGLE_PUBSUB_VERIFICATION_TOKEN || e.GOOGLE_PUBSUB_AUDIENCE;
  return e.GOOGLE_PUBSUB_TOPIC && verifiable ? e.GOOGLE_PUBSUB_TOPIC : null;
}
