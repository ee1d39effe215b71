// events.list: full listing with time window / singleEvents / ordering, and
// incremental sync via syncToken. Pages are a snapshot at the first page's
// sequence, so the final nextSyncToken never skips a change made mid-paging.
import type { calendar_v3 } from "@googleapis/calendar";
import { apiErrors } from "../errors";
import { decodeToken, encodeToken, intParam } from "../http-utils";
import { toEventJson } from "./event-json";
import { occurrences, parseRule, type Occurrence } from "./recurrence";
import type { CalendarStore, StoredEvent } from "./store";
import { eventInstant } from "./time";

type Row = { event: StoredEvent; occurrence?: Occurrence; startMs: number; endMs: number };
type PageState = { o: number; s: number; f: string };

const SYNC_INCOMPATIBLE = [
  "timeMin",
  "timeMax",
  "orderBy",
  "q",
  "updatedMin",
  "iCalUID",
  "privateExtendedProperty",
  "sharedExtendedProperty",
];

export function listEvents(cal: CalendarStore, q: URLSearchParams): calendar_v3.Schema$Events {
  const maxResults = intParam(q, "maxResults", 250, 2500);
  const singleEvents = q.get("singleEvents") === "true";
  const syncToken = q.get("syncToken");
  const fingerprint = [...q.entries()]
    .filter(([k]) => k !== "pageToken")
    .sort()
    .join("&");
  const page = q.get("pageToken") ? decodeToken<PageState>(q.get("pageToken")) : null;
  if (q.get("pageToken") && (!page || page.f !== fingerprint))
    throw apiErrors.badRequest("Invalid page token value.", "invalid");
  const snapshot = page?.s ?? cal.seq();

  let since = -1;
  if (syncToken) {
    const bad = SYNC_INCOMPATIBLE.filter((k) => q.has(k));
    if (bad.length)
      throw apiErrors.badRequest(`Sync token cannot be used together with: ${bad.join(", ")}.`, "invalid");
    const parsed = cal.readSyncToken(syncToken);
    if (parsed === "invalid") throw apiErrors.badRequest("Invalid sync token value.", "invalid");
    if (parsed === "expired") throw apiErrors.fullSyncRequired();
    since = parsed.seq;
  }
  if (q.get("orderBy") === "startTime" && !singleEvents)
    throw apiErrors.badRequest(
      "The requested ordering is not available for the particular query.",
      "badRequest",
    );

  // updatedMin also returns deletions since then, whatever showDeleted says (as Google does).
  const updatedMin = q.get("updatedMin") ? Date.parse(q.get("updatedMin") as string) : null;
  const showDeleted = syncToken !== null || updatedMin !== null || q.get("showDeleted") === "true";
  const timeMin = q.get("timeMin") ? Date.parse(q.get("timeMin") as string) : -Infinity;
  const timeMax = q.get("timeMax") ? Date.parse(q.get("timeMax") as string) : Infinity;
  if (Number.isNaN(timeMin) || Number.isNaN(timeMax)) throw apiErrors.badRequest("Bad Request", "badRequest");
  const text = q.get("q")?.toLowerCase();

  const rows: Row[] = [];
  for (const e of cal.all()) {
    if (e.changeSeq > snapshot || e.changeSeq <= since) continue;
    if (e.status === "cancelled" && !showDeleted) continue;
    if (updatedMin !== null && e.updated < updatedMin) continue;
    if (text && !`${e.summary ?? ""} ${e.description ?? ""} ${e.location ?? ""}`.toLowerCase().includes(text))
      continue;
    rows.push(...expand(cal, e, singleEvents));
  }
  const inWindow = rows.filter((r) => r.endMs > timeMin && r.startMs < timeMax);
  if (q.get("orderBy") === "startTime")
    inWindow.sort((a, b) => a.startMs - b.startMs || a.event.id.localeCompare(b.event.id));
  if (q.get("orderBy") === "updated") inWindow.sort((a, b) => a.event.updated - b.event.updated);

  const offset = page?.o ?? 0;
  const items = inWindow.slice(offset, offset + maxResults);
  const more = offset + maxResults < inWindow.length;
  const updated = Math.max(0, ...cal.all().map((e) => e.updated));
  return {
    kind: "calendar#events",
    etag: `"${updated}"`,
    summary: cal.email,
    description: "",
    updated: new Date(updated || Date.now()).toISOString(),
    timeZone: cal.timeZone,
    accessRole: "owner",
    defaultReminders: [{ method: "popup", minutes: 10 }],
    ...(more
      ? {
          nextPageToken: encodeToken({
            o: offset + maxResults,
            s: snapshot,
            f: fingerprint,
          } satisfies PageState),
        }
      : { nextSyncToken: cal.syncToken(snapshot) }),
    items: items.map((r) => toEventJson(cal, r.event, r.occurrence)),
  };
}

function expand(cal: CalendarStore, e: StoredEvent, singleEvents: boolean): Row[] {
  const startMs = eventInstant(e.start, cal.timeZone);
  const endMs = eventInstant(e.end, cal.timeZone);
  const rule = parseRule(e.recurrence);
  if (!rule) return [{ event: e, startMs, endMs }];
  const occ = occurrences(e.start, e.end, rule, cal.timeZone);
  if (singleEvents) return occ.map((o) => ({ event: e, occurrence: o, startMs: o.startMs, endMs: o.endMs }));
  // A master matches a time window if any of its instances does.
  return [{ event: e, startMs, endMs: occ.at(-1)?.endMs ?? endMs }];
}
