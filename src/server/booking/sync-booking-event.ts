import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { bookings } from "../db/schema/booking";
import { withUser } from "../db/with-user";
import {
  deleteCalendarEvent,
  insertCalendarEvent,
  patchCalendarEvent,
} from "../google/calendar/calendar-driver";
import { GoogleError } from "../google/errors";
import { hasCalendarWriteScope } from "../google/scopes";
import { BOOKING_EVENT_PROPERTY } from "../sync/normalize-event";
import { loadTokens } from "../google/token-store";
import type { BookingRow } from "./booking-dto";

async function setCalendar(ctx: Ctx, id: string, set: { calendarStatus: string; googleEventId?: string }) {
  await withUser(ctx, (tx) =>
    tx
      .update(bookings)
      .set(set)
      .where(and(eq(bookings.userId, ctx.userId), eq(bookings.id, id))),
  );
}

/** Google's event id for a booking: its uuid's hex digits (valid base32hex, stable across retries). */
export function bookingEventId(bookingId: string): string {
  return bookingId.replace(/-/g, "");
}

/**
 * Makes the practitioner's Google Calendar match the booking: inserted (client as
 * attendee), moved, or deleted. Without a calendar that allows writing this is "skipped";
 * a revoked grant is "failed" (the booking stands); transient errors throw so the job retries.
 */
export async function syncBookingEvent(ctx: Ctx, b: BookingRow): Promise<void> {
  const tokens = await loadTokens(ctx, "calendar");
  if (!tokens || tokens.status !== "connected" || !hasCalendarWriteScope(tokens.grantedScopes)) {
    if (!b.googleEventId) await setCalendar(ctx, b.id, { calendarStatus: "skipped" });
    return;
  }
  const eventId = b.googleEventId ?? bookingEventId(b.id);
  try {
    if (b.status === "cancelled") {
      if (b.googleEventId) await deleteCalendarEvent(ctx, eventId);
      await setCalendar(ctx, b.id, { calendarStatus: "synced" });
      return;
    }
    const body = {
      summary: b.kind === "block" ? b.title : `${b.title} — ${b.clientName ?? "client"}`,
      description: b.note ?? undefined,
      location: b.location ?? undefined,
      start: { dateTime: b.startsAt.toISOString() },
      end: { dateTime: b.endsAt.toISOString() },
      attendees: b.clientEmail
        ? [{ email: b.clientEmail, displayName: b.clientName ?? undefined }]
        : undefined,
      // Marks the event as ours, so the Calendar import skips it (the booking's own
      // session interaction is the timeline entry).
      extendedProperties: { private: { [BOOKING_EVENT_PROPERTY]: b.id } },
    };
    if (!b.googleEventId) {
      await insertCalendarEvent(ctx, { id: eventId, ...body });
      // A retried insert may have found the event from an earlier version: bring it up to date.
      if (b.version > 1) await patchCalendarEvent(ctx, eventId, body);
    } else {
      await patchCalendarEvent(ctx, eventId, body);
    }
    await setCalendar(ctx, b.id, { calendarStatus: "synced", googleEventId: eventId });
  } catch (e) {
    if (e instanceof GoogleError && !e.retryable) {
      ctx.log.warn({ kind: e.kind, status: e.status, bookingId: b.id }, "booking calendar event not synced");
      await setCalendar(ctx, b.id, { calendarStatus: "failed" });
      return;
    }
    throw e;
  }
}
