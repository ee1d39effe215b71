import { env } from "@/lib/env";
import { AppError } from "../errors";

export type GoogleService = "gmail" | "calendar";

export const SCOPES: Record<GoogleService, string> = {
  gmail: "https://www.googleapis.com/auth/gmail.readonly",
  calendar: "https://www.googleapis.com/auth/calendar.readonly",
};

/** Booking adds events to the calendar: asked for (incrementally) when booking is first enabled. */
export const CALENDAR_EVENTS_SCOPE = "https://www.googleapis.com/auth/calendar.events";
const CALENDAR_WRITE_SCOPES = [CALENDAR_EVENTS_SCOPE, "https://www.googleapis.com/auth/calendar"];

export function hasCalendarWriteScope(granted: readonly string[]): boolean {
  return granted.some((s) => CALENDAR_WRITE_SCOPES.includes(s));
}

export function serviceEnabled(service: GoogleService | "drive"): boolean {
  const e = env();
  if (service === "gmail") return e.FEATURE_GOOGLE_GMAIL_RO;
  if (service === "calendar") return e.FEATURE_GOOGLE_CALENDAR_RO;
  return e.FEATURE_GOOGLE_DRIVE;
}

/** A disabled service does not exist as far as the API is concerned. */
export function requireServiceEnabled(service: GoogleService | "drive"): void {
  if (!serviceEnabled(service)) throw new AppError("not_found", `${service} is not enabled`);
}

/** Services whose scope Google actually granted (include_granted_scopes can add more). */
export function servicesGranted(scopes: string[]): GoogleService[] {
  return (Object.keys(SCOPES) as GoogleService[]).filter((s) => scopes.includes(SCOPES[s]));
}
