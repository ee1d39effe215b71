// Sends push notifications the way Google does: Calendar POSTs with X-Goog-* headers to
// each channel's address; Gmail publishes {emailAddress, historyId} to its topic, which
// the emulator delivers as a Pub/Sub push envelope to the topic's registered endpoint.
import { randomBytes } from "node:crypto";
import { signIdToken } from "../oauth/id-token";
import type { EmulatorState } from "../state";
import type { CalendarChannel } from "./store";

export type Delivery = { url: string; status: number; messageNumber?: number; messageId?: string };

export async function deliverCalendar(
  state: EmulatorState,
  ch: CalendarChannel,
  o: { resourceState?: "sync" | "exists" | "not_exists"; token?: string; messageNumber?: number } = {},
): Promise<Delivery> {
  const messageNumber = o.messageNumber ?? ch.nextMessage++;
  const headers: Record<string, string> = {
    "X-Goog-Channel-ID": ch.id,
    "X-Goog-Channel-Expiration": new Date(ch.expiration).toUTCString(),
    "X-Goog-Resource-ID": ch.resourceId,
    "X-Goog-Resource-URI": `${state.baseUrl}/calendar/v3/calendars/primary/events?alt=json`,
    "X-Goog-Resource-State": o.resourceState ?? "exists",
    "X-Goog-Message-Number": String(messageNumber),
  };
  const token = o.token ?? ch.token;
  if (token !== undefined) headers["X-Goog-Channel-Token"] = token;
  const res = await fetch(ch.address, { method: "POST", headers });
  await res.arrayBuffer();
  return { url: ch.address, status: res.status, messageNumber };
}

export async function deliverGmail(
  state: EmulatorState,
  email: string,
  o: { historyId?: number; messageId?: string; authorization?: string } = {},
): Promise<Delivery> {
  const watch = state.push.gmailWatches.get(email);
  if (!watch) throw new Error(`no Gmail watch for ${email}`);
  const sub = state.push.subscriptions.get(watch.topicName);
  if (!sub) throw new Error(`no push subscription for topic ${watch.topicName}`);
  const url = sub.endpoint;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const authorization =
    o.authorization ?? (sub.audience ? `Bearer ${pushToken(sub.audience, sub)}` : undefined);
  if (authorization) headers.Authorization = authorization;
  const historyId = o.historyId ?? state.requireAccount(email).mailbox.historyId();
  const messageId = o.messageId ?? String(BigInt(`0x${randomBytes(6).toString("hex")}`));
  const data = Buffer.from(JSON.stringify({ emailAddress: email, historyId })).toString("base64");
  const res = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({
      message: { data, messageId, message_id: messageId, publishTime: new Date(state.now()).toISOString() },
      subscription: `projects/emulator/subscriptions/${watch.topicName.split("/").pop()}-push`,
    }),
  });
  await res.arrayBuffer();
  return { url, status: res.status, messageId };
}

/** The OIDC token Pub/Sub attaches for a push subscription with authentication. */
function pushToken(audience: string, sub: { serviceAccountEmail?: string }): string {
  const email = sub.serviceAccountEmail ?? "pubsub-push@emulator.iam.gserviceaccount.com";
  return signIdToken({
    aud: audience,
    sub: "100000000000000000001",
    email,
    name: "",
    given_name: "",
    family_name: "",
    picture: "",
    accessToken: "pubsub",
  });
}
