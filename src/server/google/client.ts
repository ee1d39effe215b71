import { gmail_v1 } from "@googleapis/gmail";
import { calendar_v3 } from "@googleapis/calendar";
import type { OAuth2Client } from "google-auth-library";
import { env } from "@/lib/env";

// Thin typed wrappers over the googleapis clients, pointed at GOOGLE_API_ROOT_URL (the
// emulator in tests). gaxios' own retry is off: callGoogle owns the retry policy.
function opts(auth: OAuth2Client) {
  return { auth: auth as never, rootUrl: env().GOOGLE_API_ROOT_URL, retry: false, timeout: 30_000 };
}

export type GmailRawMessage = {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: string;
  historyId?: string;
  sizeEstimate?: number;
  raw: string;
};

export class GmailApi {
  private readonly api: gmail_v1.Gmail;
  constructor(auth: OAuth2Client) {
    this.api = new gmail_v1.Gmail(opts(auth));
  }

  async getProfile(): Promise<{ emailAddress: string; historyId: string; messagesTotal: number }> {
    const r = await this.api.users.getProfile({ userId: "me" });
    return {
      emailAddress: (r.data.emailAddress ?? "").toLowerCase(),
      historyId: String(r.data.historyId ?? ""),
      messagesTotal: r.data.messagesTotal ?? 0,
    };
  }

  async listLabels(): Promise<{ id: string; name: string; messagesTotal?: number }[]> {
    const r = await this.api.users.labels.list({ userId: "me" });
    return (r.data.labels ?? []).map((l) => ({
      id: l.id ?? "",
      name: l.name ?? "",
      messagesTotal: l.messagesTotal ?? undefined,
    }));
  }

  /** One label with its exact counts (`labels.list` carries no counts on real Gmail). */
  async getLabel(id: string): Promise<{ id: string; name: string; messagesTotal: number }> {
    const r = await this.api.users.labels.get({ userId: "me", id });
    return { id: r.data.id ?? id, name: r.data.name ?? id, messagesTotal: r.data.messagesTotal ?? 0 };
  }

  async listMessageIds(p: { q?: string; labelIds?: string[]; pageToken?: string; maxResults?: number }) {
    const r = await this.api.users.messages.list({
      userId: "me",
      q: p.q || undefined,
      labelIds: p.labelIds?.length ? p.labelIds : undefined,
      pageToken: p.pageToken,
      maxResults: p.maxResults ?? 500,
    });
    return {
      ids: (r.data.messages ?? []).map((m) => m.id ?? "").filter(Boolean),
      nextPageToken: r.data.nextPageToken ?? undefined,
      estimate: r.data.resultSizeEstimate ?? 0,
    };
  }

  async getRaw(id: string): Promise<GmailRawMessage> {
    const r = await this.api.users.messages.get({ userId: "me", id, format: "raw" });
    const d = r.data;
    return {
      id: d.id ?? id,
      threadId: d.threadId ?? "",
      labelIds: d.labelIds ?? [],
      internalDate: String(d.internalDate ?? "0"),
      historyId: d.historyId ?? undefined,
      sizeEstimate: d.sizeEstimate ?? undefined,
      raw: d.raw ?? "",
    };
  }

  async getMetadata(id: string, headers: string[]) {
    const r = await this.api.users.messages.get({
      userId: "me",
      id,
      format: "metadata",
      metadataHeaders: headers,
    });
    return r.data;
  }

  /** messages.send with a base64url RFC 822 message; threadId keeps a reply in its thread. */
  async sendRaw(p: { raw: string; threadId?: string }): Promise<{ id: string; threadId: string }> {
    const r = await this.api.users.messages.send({
      userId: "me",
      requestBody: { raw: p.raw, ...(p.threadId ? { threadId: p.threadId } : {}) },
    });
    return { id: r.data.id ?? "", threadId: r.data.threadId ?? "" };
  }

  /** The addresses the user may send from (primary first). */
  async listSendAs(): Promise<{ email: string; displayName: string; isPrimary: boolean }[]> {
    const r = await this.api.users.settings.sendAs.list({ userId: "me" });
    return (r.data.sendAs ?? []).map((s) => ({
      email: (s.sendAsEmail ?? "").toLowerCase(),
      displayName: s.displayName ?? "",
      isPrimary: !!s.isPrimary,
    }));
  }

  /** users.watch: Gmail publishes mailbox changes to the Pub/Sub topic (expires in ~7 days). */
  async watch(topicName: string): Promise<{ historyId: string; expiration: number }> {
    const r = await this.api.users.watch({
      userId: "me",
      // No label filter: the importer decides what counts, from history.
      requestBody: { topicName },
    });
    return { historyId: String(r.data.historyId ?? ""), expiration: Number(r.data.expiration ?? 0) };
  }

  async stop(): Promise<void> {
    await this.api.users.stop({ userId: "me" });
  }

  async listHistory(p: { startHistoryId: string; pageToken?: string }) {
    const r = await this.api.users.history.list({
      userId: "me",
      startHistoryId: p.startHistoryId,
      pageToken: p.pageToken,
      historyTypes: ["messageAdded"],
      maxResults: 500,
    });
    const ids: string[] = [];
    for (const h of r.data.history ?? []) {
      for (const a of h.messagesAdded ?? []) if (a.message?.id) ids.push(a.message.id);
    }
    return {
      ids,
      nextPageToken: r.data.nextPageToken ?? undefined,
      historyId: String(r.data.historyId ?? ""),
    };
  }
}

export type CalendarEvent = calendar_v3.Schema$Event;

export class CalendarApi {
  private readonly api: calendar_v3.Calendar;
  constructor(auth: OAuth2Client) {
    this.api = new calendar_v3.Calendar(opts(auth));
  }

  async listEvents(p: { timeMin?: string; timeMax?: string; pageToken?: string; syncToken?: string }) {
    const r = await this.api.events.list({
      calendarId: "primary",
      singleEvents: true,
      maxResults: 250,
      showDeleted: !!p.syncToken,
      pageToken: p.pageToken,
      ...(p.syncToken ? { syncToken: p.syncToken } : { timeMin: p.timeMin, timeMax: p.timeMax }),
    });
    return {
      items: r.data.items ?? [],
      nextPageToken: r.data.nextPageToken ?? undefined,
      nextSyncToken: r.data.nextSyncToken ?? undefined,
    };
  }

  /** events.watch: Google POSTs to `address` when the calendar changes. */
  async watch(p: { id: string; token: string; address: string; ttlSec?: number }) {
    const r = await this.api.events.watch({
      calendarId: "primary",
      requestBody: {
        id: p.id,
        token: p.token,
        type: "web_hook",
        address: p.address,
        ...(p.ttlSec ? { params: { ttl: String(p.ttlSec) } } : {}),
      },
    });
    return { resourceId: r.data.resourceId ?? "", expiration: Number(r.data.expiration ?? 0) };
  }

  async stopChannel(p: { id: string; resourceId: string }): Promise<void> {
    await this.api.channels.stop({ requestBody: { id: p.id, resourceId: p.resourceId } });
  }
}
