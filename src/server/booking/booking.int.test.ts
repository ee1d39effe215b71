import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startSmtpSink } from "../../../tests/http/smtp-sink";
import { authedClients } from "../../../tools/google-emulator/test-clients";
import { getTimeline } from "../interactions/get-timeline";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { syncCalendar } from "../sync/sync-calendar";
import { setupGoogleEmulator } from "../sync/testing/google-test-env";
import { useTestDb } from "../testing/test-db";
import { getContact } from "../contacts/get-contact";
import { listBusyCalendars } from "./list-busy-calendars";
import { updateAvailability } from "./update-availability";
import { cancelBooking, rescheduleBooking } from "./change-booking";
import { createPublicBooking } from "./create-public-booking";
import { listPublicSlots } from "./list-public-slots";
import { notifyBooking } from "./notify-booking";
import { resolveHandle } from "./resolve-handle";
import { resolveManageToken } from "./resolve-manage-token";
import { bookingEventId } from "./sync-booking-event";
import { jobCtx, practitioner, tomorrowAt } from "./testing/booking-test-env";

let h: DbHandle;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  h = await useTestDb();
  sink = await startSmtpSink();
});
const { emu } = setupGoogleEmulator();
beforeAll(() => {
  process.env.SMTP_URL = sink.url;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  await sink.close();
});

/** Mail bodies with quoted-printable soft breaks and escapes undone. */
const decoded = (data: string) =>
  data
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const mailsTo = (to: string) =>
  sink.mails.filter((m) => m.to.join().includes(to)).map((m) => ({ ...m, data: decoded(m.data) }));
const visitor = (email: string, start: string, serviceId: string) => ({
  serviceId,
  start,
  name: "Ana Silva",
  email,
  phone: "+44 7700 900123",
  note: "First visit",
  consent: true as const,
  timeZone: "Europe/Lisbon",
});

describe("booking against the Google emulator", () => {
  it("respects free/busy, books, inserts the event, moves it on reschedule and deletes it on cancel", async () => {
    const p = await practitioner(h, emu());
    const account = p.account!;
    const { calendar } = authedClients(emu(), account);
    // A busy Google event tomorrow 12:00–13:00 UTC takes that slot (and only that one).
    emu().control.addEvent(account, {
      summary: "Dentist",
      start: { dateTime: tomorrowAt(12) },
      end: { dateTime: tomorrowAt(13) },
    });
    const ctx = await resolveHandle(h.db, p.handle);
    const day = await listPublicSlots(ctx, {
      serviceId: p.service.id,
      from: tomorrowAt(0),
      to: tomorrowAt(23, 1),
    });
    const starts = day.slots.map((s) => s.start);
    expect(starts).toContain(new Date(tomorrowAt(11)).toISOString());
    expect(starts).not.toContain(new Date(tomorrowAt(12)).toISOString());
    expect(starts).toContain(new Date(tomorrowAt(13)).toISOString());
    await expect(
      createPublicBooking(ctx, visitor("ana@example.com", tomorrowAt(12), p.service.id)),
    ).rejects.toMatchObject({ code: "conflict" });

    const email = `ana-${Date.now()}@example.com`;
    const { bookingId, manageToken } = await createPublicBooking(
      ctx,
      visitor(email, tomorrowAt(10), p.service.id),
    );
    // The contact is new: a Prospect from booking, with the session on their timeline.
    const { booking } = await resolveManageToken(h.db, manageToken);
    expect(booking.id).toBe(bookingId);
    const contact = await getContact(p.ctx, { id: booking.contactId! });
    expect(contact).toMatchObject({ stage: "Prospect", source: "booking", displayName: "Ana Silva" });
    const timeline = await getTimeline(p.ctx, { contactId: contact.id });
    expect(timeline.items.map((i) => i.kind === "interaction" && [i.type, i.subject])).toContainEqual([
      "session",
      "Massage",
    ]);

    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 1 });
    const ev = await calendar.events.get({ calendarId: "primary", eventId: bookingEventId(bookingId) });
    expect(ev.data.start?.dateTime && Date.parse(ev.data.start.dateTime)).toBe(Date.parse(tomorrowAt(10)));
    expect(ev.data.attendees?.map((a) => a.email)).toEqual([email]);
    const confirmation = mailsTo(email);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.data).toContain("text/calendar");
    // The invitation is also a real attachment, which every mail client can open.
    expect(confirmation[0]!.data).toMatch(/Content-Disposition: attachment; filename=booking\.ics/);
    expect(confirmation[0]!.data).toContain(`UID:booking-${bookingId}@omnicrm`);
    expect(confirmation[0]!.data).toContain(`/book/manage/${manageToken}`);
    // The practitioner's notice (their account email is user-<id>@test.local).
    const notice = mailsTo(p.ctx.userId);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.data).toContain("booked Massage");
    // A retried job sends nothing twice.
    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 1 });
    expect(mailsTo(email)).toHaveLength(1);
    // The booking's own event is not counted twice as busy, and 10:00 is now taken.
    const after = (
      await listPublicSlots(ctx, { serviceId: p.service.id, from: tomorrowAt(0), to: tomorrowAt(23, 1) })
    ).slots.map((s) => s.start);
    expect(after).not.toContain(new Date(tomorrowAt(10)).toISOString());
    expect(after).toContain(new Date(tomorrowAt(9)).toISOString());

    // Reschedule through the signed link: same rules (the busy 12:00 is refused), then 15:00.
    const m = await resolveManageToken(h.db, manageToken);
    await expect(
      rescheduleBooking(m.ctx, bookingId, new Date(tomorrowAt(12)), { selfService: true }),
    ).rejects.toMatchObject({ code: "conflict" });
    const moved = await rescheduleBooking(m.ctx, bookingId, new Date(tomorrowAt(15)), { selfService: true });
    expect(moved.version).toBe(2);
    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 2 });
    const ev2 = await calendar.events.get({ calendarId: "primary", eventId: bookingEventId(bookingId) });
    expect(Date.parse(ev2.data.start!.dateTime!)).toBe(Date.parse(tomorrowAt(15)));
    expect(mailsTo(email).at(-1)!.data).toContain("Moved: Massage");
    const tl2 = await getTimeline(p.ctx, { contactId: contact.id });
    const session = tl2.items.find((i) => i.kind === "interaction" && i.type === "session");
    expect(session && Date.parse(session.at)).toBe(Date.parse(tomorrowAt(15)));

    // Cancel: the Google event is deleted, the timeline says so, the client is told.
    await cancelBooking(m.ctx, bookingId, { selfService: true });
    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 3 });
    const ev3 = await calendar.events.get({ calendarId: "primary", eventId: bookingEventId(bookingId) });
    expect(ev3.data.status).toBe("cancelled");
    expect(mailsTo(email).at(-1)!.data).toContain("Cancelled: Massage");
    expect(mailsTo(email).at(-1)!.data).toContain("METHOD:CANCEL");
    const tl3 = await getTimeline(p.ctx, { contactId: contact.id });
    const cancelled = tl3.items.find((i) => i.kind === "interaction" && i.type === "session");
    expect(cancelled?.kind === "interaction" && cancelled.subject).toBe("Cancelled: Massage");
    // The freed slot is offered again.
    const freed = (
      await listPublicSlots(ctx, { serviceId: p.service.id, from: tomorrowAt(0), to: tomorrowAt(23, 1) })
    ).slots.map((s) => s.start);
    expect(freed).toContain(new Date(tomorrowAt(15)).toISOString());
  });

  it("matches a returning client by email instead of creating a second contact", async () => {
    const p = await practitioner(h);
    const ctx = await resolveHandle(h.db, p.handle);
    const email = `ben-${Date.now()}@example.com`;
    const a = await createPublicBooking(ctx, visitor(email, tomorrowAt(9, 2), p.service.id));
    const b = await createPublicBooking(ctx, visitor(email.toUpperCase(), tomorrowAt(14, 2), p.service.id));
    const ids = await withUser(p.ctx, (tx) =>
      tx.execute<{ contact_id: string }>(
        sql`SELECT contact_id FROM bookings WHERE id IN (${a.bookingId}, ${b.bookingId})`,
      ),
    );
    expect(new Set(ids.rows.map((r) => r.contact_id)).size).toBe(1);
  });
});

describe("a booking's own Google event and the Calendar import", () => {
  it("leaves exactly one timeline entry for the session, after booking and after a reschedule", async () => {
    const p = await practitioner(h, emu());
    const ctx = await resolveHandle(h.db, p.handle);
    const email = `dee-${Date.now()}@example.com`;
    const { bookingId, manageToken } = await createPublicBooking(
      ctx,
      visitor(email, tomorrowAt(9, 6), p.service.id),
    );
    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 1 });
    const { calendar } = authedClients(emu(), p.account!);
    const ev = await calendar.events.get({ calendarId: "primary", eventId: bookingEventId(bookingId) });
    expect(ev.data.extendedProperties?.private?.omnicrmBookingId).toBe(bookingId);
    // Someone else's one-to-one with the same client the same day is still imported.
    emu().control.addEvent(p.account!, {
      summary: "Walk with Dee",
      start: { dateTime: tomorrowAt(17, 6) },
      end: { dateTime: tomorrowAt(18, 6) },
      attendees: [{ email }],
    });
    const { booking } = await resolveManageToken(h.db, manageToken);
    const sessions = async () =>
      (await getTimeline(p.ctx, { contactId: booking.contactId! })).items
        .filter((i) => i.kind === "interaction")
        .map((i) => [i.subject, Date.parse(i.at)]);

    await syncCalendar(p.ctx, { batchId: null, incremental: false });
    expect(await sessions()).toEqual(
      expect.arrayContaining([
        ["Massage", Date.parse(tomorrowAt(9, 6))],
        ["Walk with Dee", Date.parse(tomorrowAt(17, 6))],
      ]),
    );
    expect(await sessions()).toHaveLength(2);

    // Moved: the event changes in Google, the incremental import still leaves it to the booking.
    const m = await resolveManageToken(h.db, manageToken);
    await rescheduleBooking(m.ctx, bookingId, new Date(tomorrowAt(11, 6)), { selfService: true });
    await notifyBooking(jobCtx(p.ctx, "booking_notify"), { bookingId, version: 2 });
    await syncCalendar(p.ctx, { batchId: null, incremental: true });
    const after = await sessions();
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(["Massage", Date.parse(tomorrowAt(11, 6))]);
  });
});

describe("choosing the calendars whose busy times count", () => {
  it("lists the Google calendars with the chosen ones marked, and keeps a vanished choice visible", async () => {
    expect(await listBusyCalendars((await practitioner(h)).ctx)).toEqual({ connected: false, calendars: [] });
    const p = await practitioner(h, emu());
    expect(await listBusyCalendars(p.ctx)).toEqual({
      connected: true,
      calendars: [{ id: "primary", name: p.account, primary: true, busy: true, missing: false }],
    });
    const gone = "team@group.calendar.google.com";
    await updateAvailability(p.ctx, { busyCalendarIds: [gone] });
    expect((await listBusyCalendars(p.ctx)).calendars).toEqual([
      { id: "primary", name: p.account, primary: true, busy: false, missing: false },
      { id: gone, name: gone, primary: false, busy: true, missing: true },
    ]);
  });
});

describe("public booking page rules", () => {
  it("answers an unknown handle and a disabled page the same way", async () => {
    const p = await practitioner(h);
    await expect(resolveHandle(h.db, "no-such-handle-here")).rejects.toMatchObject({
      code: "not_found",
      message: "No booking page here",
    });
    await updateAvailability(p.ctx, { enabled: false });
    await expect(resolveHandle(h.db, p.handle)).rejects.toMatchObject({
      code: "not_found",
      message: "No booking page here",
    });
  });

  it("ignores a filled honeypot without booking anything", async () => {
    const p = await practitioner(h);
    const ctx = await resolveHandle(h.db, p.handle);
    await createPublicBooking(ctx, {
      ...visitor("bot@example.com", tomorrowAt(9, 3), p.service.id),
      website: "http://spam",
    });
    const n = await withUser(p.ctx, (tx) =>
      tx.execute<{ n: number }>(sql`SELECT count(*)::int n FROM bookings`),
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it("gives one slot to exactly one of 20 concurrent visitors", async () => {
    const p = await practitioner(h, undefined, { buffers: true });
    const ctx = await resolveHandle(h.db, p.handle);
    const start = tomorrowAt(11, 4);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createPublicBooking(ctx, visitor(`c${i}@example.com`, start, p.service.id)),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(19).fill("conflict"));
    // The 30-minute buffer after 11:00–12:00 also keeps 12:00 from being booked.
    await expect(
      createPublicBooking(ctx, visitor("late@example.com", tomorrowAt(12, 4), p.service.id)),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("the database itself refuses overlapping confirmed bookings", async () => {
    const p = await practitioner(h);
    const has = await h.db.execute<{ n: number }>(
      sql`SELECT count(*)::int n FROM pg_constraint WHERE conname = 'bookings_no_overlap'`,
    );
    if (has.rows[0]!.n === 0) return; // no btree_gist: the advisory lock + check is the guarantee (tested above)
    const insert = (from: string, until: string) =>
      withUser(p.ctx, (tx) =>
        tx.execute(sql`INSERT INTO bookings (user_id, title, starts_at, ends_at, blocked_from, blocked_until)
          VALUES (${p.ctx.userId}, 'x', ${from}, ${until}, ${from}, ${until})`),
      );
    await insert(tomorrowAt(9, 5), tomorrowAt(10, 5));
    await expect(insert(tomorrowAt(9, 5), tomorrowAt(11, 5))).rejects.toMatchObject({
      cause: { code: "23P01" },
    });
    await insert(tomorrowAt(10, 5), tomorrowAt(11, 5));
  });
});
