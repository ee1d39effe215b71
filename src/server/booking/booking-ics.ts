import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { BookingRow } from "./booking-dto";

/**
 * The invitation attached to every client mail: one VEVENT whose UID stays the booking's
 * and whose SEQUENCE is its version, so calendars update (or cancel) the same entry.
 */
export function bookingIcs(
  b: BookingRow,
  organizer: { name: string; email: string },
  manageLink: string,
): string {
  const cancelled = b.status === "cancelled";
  const cal = ical({
    prodId: { company: "OmniCRM", product: "booking", language: "EN" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: `booking-${b.id}@omnicrm`,
    sequence: b.version,
    start: b.startsAt,
    end: b.endsAt,
    summary: b.title,
    description: `${b.note ? `${b.note}\n\n` : ""}Reschedule or cancel: ${manageLink}`,
    location: b.location ?? undefined,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: b.clientEmail
      ? [
          {
            email: b.clientEmail,
            name: b.clientName ?? undefined,
            role: ICalAttendeeRole.REQ,
            status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return cal.toString();
}
