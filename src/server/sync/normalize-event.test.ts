import { describe, expect, it } from "vitest";
import { bookingIdOfEvent, eventExclusion } from "./normalize-event";

const prefs = { includeOrganizerSelf: true, includePrivate: true };
const ev = {
  id: "e1",
  status: "confirmed",
  summary: "Massage — Ana",
  start: { dateTime: "2026-12-08T10:00:00Z" },
  end: { dateTime: "2026-12-08T11:00:00Z" },
  attendees: [{ email: "ana@example.com" }],
};

describe("eventExclusion", () => {
  it("imports an ordinary event and skips one a booking created", () => {
    expect(eventExclusion(ev, prefs)).toBeNull();
    const ours = { ...ev, extendedProperties: { private: { omnicrmBookingId: "b-1" } } };
    expect(bookingIdOfEvent(ours)).toBe("b-1");
    expect(eventExclusion(ours, prefs)).toBe("booking");
  });

  it("does not take another app's properties or a shared one for a booking", () => {
    expect(eventExclusion({ ...ev, extendedProperties: { private: { zoomId: "1" } } }, prefs)).toBeNull();
    expect(
      eventExclusion({ ...ev, extendedProperties: { shared: { omnicrmBookingId: "b-1" } } }, prefs),
    ).toBeNull();
  });

  it("still reports a cancelled booking event as cancelled", () => {
    const gone = {
      id: "e1",
      status: "cancelled",
      extendedProperties: { private: { omnicrmBookingId: "b" } },
    };
    expect(eventExclusion(gone, prefs)).toBe("cancelled");
  });
});
