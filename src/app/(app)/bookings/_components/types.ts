// Client-side shapes of the booking API (mirrors src/server/booking/schemas.ts).
export type HourRange = { start: string; end: string };
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Availability = {
  handle: string | null;
  enabled: boolean;
  displayName: string | null;
  timeZone: string;
  ownTimeZone: string | null;
  weeklyHours: Partial<Record<(typeof weekdays)[number], HourRange[]>>;
  overrides: { date: string; ranges: HourRange[] }[];
  minNoticeMinutes: number;
  maxDaysAhead: number;
  slotStepMinutes: number;
  dailyCap: number | null;
  cancelWindowMinutes: number;
  reminderMinutes: number[];
  busyCalendarIds: string[];
  calendarWriteGranted: boolean;
};
export type Service = {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number | null;
  currency: string | null;
  locationType: "address" | "video" | "phone" | "none";
  location: string | null;
  color: string;
  active: boolean;
};
export type Booking = {
  id: string;
  kind: "booking" | "block";
  status: "confirmed" | "cancelled";
  contactId: string | null;
  title: string;
  start: string;
  end: string;
  clientName: string | null;
  clientEmail: string | null;
  calendarStatus: string;
};

/** "09:00-12:00, 14:00-17:00" ⇄ ranges. */
export function rangesToText(r: HourRange[] | undefined): string {
  return (r ?? []).map((x) => `${x.start}-${x.end}`).join(", ");
}
export function textToRanges(t: string): HourRange[] {
  return t
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [start = "", end = ""] = p.split("-").map((s) => s.trim());
      return { start, end };
    });
}
