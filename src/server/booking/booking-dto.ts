import type { bookings } from "../db/schema/booking";
import type { BookingView } from "./schemas";

export type BookingRow = typeof bookings.$inferSelect;

export function toBookingView(r: BookingRow): BookingView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    serviceId: r.serviceId,
    contactId: r.contactId,
    title: r.title,
    start: r.startsAt.toISOString(),
    end: r.endsAt.toISOString(),
    clientName: r.clientName,
    clientEmail: r.clientEmail,
    clientPhone: r.clientPhone,
    note: r.note,
    location: r.location,
    source: r.source,
    calendarStatus: r.calendarStatus,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  };
}
