import type { calendar_v3 } from "@googleapis/calendar";
import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

let emu: Emulator;
let cal: calendar_v3.Calendar;
const errorOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as GaxiosError).response;

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 5,
    mailbox: { messages: 10 },
    calendar: { events: 300 },
    now: new Date("2025-06-01T12:00:00Z"),
  });
  cal = authedClients(emu).calendar;
});
afterAll(() => emu.close());

async function fullSync(params: calendar_v3.Params$Resource$Events$List = {}) {
  const items: calendar_v3.Schema$Event[] = [];
  const pages: calendar_v3.Schema$Events[] = [];
  let pageToken: string | undefined;
  do {
    const res = await cal.events.list({ calendarId: "primary", maxResults: 100, ...params, pageToken });
    pages.push(res.data);
    items.push(...(res.data.items ?? []));
    pageToken = res.data.nextPageToken ?? undefined;
  } while (pageToken);
  return { items, pages, syncToken: pages.at(-1)?.nextSyncToken ?? "" };
}

describe("Calendar", () => {
  it("lists the primary calendar", async () => {
    const list = (await cal.calendarList.list()).data;
    expect(list.items).toEqual([
      expect.objectContaining({
        id: emu.defaultAccount,
        primary: true,
        accessRole: "owner",
        timeZone: "America/Los_Angeles",
      }),
    ]);
  });

  it("pages a full sync and returns nextSyncToken only on the last page", async () => {
    const { items, pages, syncToken } = await fullSync();
    const counts = emu.control.describeCorpus().events;
    expect(items).toHaveLength(counts.total - counts.cancelled);
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(pages.length).toBe(Math.ceil(items.length / 100));
    expect(pages.slice(0, -1).every((p) => p.nextPageToken && !p.nextSyncToken)).toBe(true);
    expect(syncToken).toMatch(/^CP/);
    const session = items.find((e) => e.attendees?.some((a) => a.self));
    expect(session?.organizer).toMatchObject({ email: emu.defaultAccount, self: true });
    expect(items.some((e) => e.visibility === "private")).toBe(true);
    expect(items.some((e) => e.start?.date && !e.start.dateTime)).toBe(true);
    expect(items.some((e) => e.recurrence?.[0]?.startsWith("RRULE:FREQ=WEEKLY"))).toBe(true);
    const withDeleted = await fullSync({ showDeleted: true });
    expect(withDeleted.items.filter((e) => e.status === "cancelled")).toHaveLength(counts.cancelled);
  });

  it("expands recurring events with singleEvents and orders by start time", async () => {
    const timeMin = "2025-04-01T00:00:00Z";
    const timeMax = "2025-07-01T00:00:00Z";
    const { items } = await fullSync({ singleEvents: true, orderBy: "startTime", timeMin, timeMax });
    const starts = items.map((e) => Date.parse(e.start?.dateTime ?? `${e.start?.date}T00:00:00-07:00`));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const instances = items.filter((e) => e.recurringEventId);
    expect(instances.length).toBeGreaterThan(5);
    expect(instances[0]?.id).toMatch(new RegExp(`^${instances[0]?.recurringEventId}_\\d{8}T\\d{6}Z$`));
    expect(items.every((e) => !e.recurrence)).toBe(true);
    const one = await cal.events.get({ calendarId: "primary", eventId: instances[0]?.id ?? "" });
    expect(one.data.originalStartTime).toEqual(instances[0]?.start);
    const bad = await errorOf(
      cal.events.list({ calendarId: "primary", orderBy: "startTime" }, { retry: false }),
    );
    expect(bad?.status).toBe(400);
  });

  it("syncs incrementally: new, updated and cancelled events since the token", async () => {
    const { items, syncToken } = await fullSync();
    const [toUpdate, toCancel] = items.filter((e) => !e.recurrence);
    const added = emu.control.addEvent(emu.defaultAccount, {
      summary: "Deep tissue massage — Emma Johnson",
      start: { dateTime: "2025-06-03T10:00:00-07:00", timeZone: "America/Los_Angeles" },
      end: { dateTime: "2025-06-03T11:00:00-07:00", timeZone: "America/Los_Angeles" },
      attendees: [
        { email: "emma.johnson@gmail.com", displayName: "Emma Johnson", responseStatus: "accepted" },
      ],
    });
    emu.control.updateEvent(emu.defaultAccount, toUpdate?.id ?? "", { summary: "Moved session" });
    emu.control.cancelEvent(emu.defaultAccount, toCancel?.id ?? "");
    const delta = (await cal.events.list({ calendarId: "primary", syncToken })).data;
    const byId = new Map((delta.items ?? []).map((e) => [e.id, e]));
    expect(byId.size).toBe(3);
    expect(byId.get(added.id)?.summary).toBe("Deep tissue massage — Emma Johnson");
    expect(byId.get(toUpdate?.id)?.summary).toBe("Moved session");
    expect(byId.get(toCancel?.id)).toEqual({
      kind: "calendar#event",
      etag: expect.any(String),
      id: toCancel?.id,
      status: "cancelled",
    });
    const again = (await cal.events.list({ calendarId: "primary", syncToken: delta.nextSyncToken ?? "" }))
      .data;
    expect(again.items).toEqual([]);
    expect(again.nextSyncToken).toBeTruthy();
  });

  it("rejects time filters with a sync token (400) and expired tokens with 410 fullSyncRequired", async () => {
    const { syncToken } = await fullSync();
    const combo = await errorOf(
      cal.events.list(
        { calendarId: "primary", syncToken, timeMin: "2025-01-01T00:00:00Z" },
        { retry: false },
      ),
    );
    expect(combo?.status).toBe(400);
    emu.control.expireSyncTokens(emu.defaultAccount);
    const gone = await errorOf(cal.events.list({ calendarId: "primary", syncToken }, { retry: false }));
    expect(gone?.status).toBe(410);
    expect(gone?.data).toEqual({
      error: {
        code: 410,
        message: "Sync token is no longer valid, a full sync is required.",
        errors: [
          {
            domain: "global",
            reason: "fullSyncRequired",
            message: "Sync token is no longer valid, a full sync is required.",
          },
        ],
      },
    });
    expect((await fullSync()).syncToken).not.toBe(syncToken);
  });

  it("keeps an inserted event's private extended properties through list and patch", async () => {
    const writer = authedClients(emu, emu.defaultAccount, {
      scope: ["openid", "https://www.googleapis.com/auth/calendar.events"],
    }).calendar;
    const { syncToken } = await fullSync();
    const id = "bookingprops0001";
    await writer.events.insert({
      calendarId: "primary",
      requestBody: {
        id,
        summary: "Massage — Ana",
        start: { dateTime: "2025-06-03T10:00:00Z" },
        end: { dateTime: "2025-06-03T11:00:00Z" },
        extendedProperties: { private: { omnicrmBookingId: "b-1" } },
      },
    });
    await writer.events.patch({
      calendarId: "primary",
      eventId: id,
      requestBody: { summary: "Moved", extendedProperties: { private: { other: "x" } } },
    });
    const changed = (await cal.events.list({ calendarId: "primary", syncToken })).data.items ?? [];
    expect(changed.find((e) => e.id === id)?.extendedProperties).toEqual({
      private: { omnicrmBookingId: "b-1", other: "x" },
    });
  });
});
