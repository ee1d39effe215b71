// Push registrations the emulator holds: Calendar watch channels, Gmail watches, and
// the Pub/Sub push subscriptions (topic → endpoint) that stand in for Cloud Pub/Sub.
import { randomBytes } from "node:crypto";

export type CalendarChannel = {
  id: string;
  resourceId: string;
  token?: string;
  address: string;
  email: string;
  expiration: number;
  /** Next X-Goog-Message-Number (1 is the `sync` handshake). */
  nextMessage: number;
};
export type GmailWatch = { email: string; topicName: string; expiration: number; historyId: number };
/** A push subscription: endpoint plus, like Pub/Sub's push auth, an optional OIDC audience. */
export type PushSubscription = { endpoint: string; audience?: string; serviceAccountEmail?: string };

export type PushStore = ReturnType<typeof createPushStore>;

export const CHANNEL_TTL_MS = 7 * 86_400_000;

export function createPushStore() {
  const channels = new Map<string, CalendarChannel>();
  const gmailWatches = new Map<string, GmailWatch>();
  const subscriptions = new Map<string, PushSubscription>();
  return {
    channels,
    gmailWatches,
    subscriptions,
    addChannel(c: Omit<CalendarChannel, "resourceId" | "nextMessage">): CalendarChannel {
      if (channels.has(c.id)) throw new Error(`channel id ${c.id} is not unique`);
      const ch = { ...c, resourceId: `res-${randomBytes(8).toString("hex")}`, nextMessage: 1 };
      channels.set(c.id, ch);
      return ch;
    },
    stopChannel(id: string, resourceId: string): boolean {
      const ch = channels.get(id);
      if (!ch || ch.resourceId !== resourceId) return false;
      channels.delete(id);
      return true;
    },
    channelsOf: (email: string) => [...channels.values()].filter((c) => c.email === email),
  };
}
