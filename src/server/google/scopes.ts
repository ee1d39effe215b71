import { env } from "@/lib/env";
import { AppError } from "../errors";

export type GoogleService = "gmail" | "calendar";

/** Everything that keeps its own tokens row: the synced services plus Drive (documents, #20). */
export type TokenService = GoogleService | "drive";

export const SCOPES: Record<GoogleService, string> = {
  gmail: "https://www.googleapis.com/auth/gmail.readonly",
  calendar: "https://www.googleapis.com/auth/calendar.readonly",
};

/**
 * Drive is asked for incrementally, like sending: only when the user first previews Drive
 * documents, and only metadata (names, owners, permissions, links), never file contents.
 */
export const DRIVE_METADATA_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly";
const DRIVE_READ_SCOPES = new Set([
  DRIVE_METADATA_SCOPE,
  "https://www.googleapis.com/auth/drive.metadata",
  "https://www.googleapis.com/auth/drive.readonly",
  "https://www.googleapis.com/auth/drive",
]);

export function canReadDrive(granted: readonly string[]): boolean {
  return granted.some((s) => DRIVE_READ_SCOPES.has(s));
}

/** Booking adds events to the calendar: asked for (incrementally) when booking is first enabled. */
export const CALENDAR_EVENTS_SCOPE = "https://www.googleapis.com/auth/calendar.events";
const CALENDAR_WRITE_SCOPES = [CALENDAR_EVENTS_SCOPE, "https://www.googleapis.com/auth/calendar"];

export function hasCalendarWriteScope(granted: readonly string[]): boolean {
  return granted.some((s) => CALENDAR_WRITE_SCOPES.includes(s));
}

/**
 * Sending is asked for incrementally: the first send requests only this scope (with
 * include_granted_scopes), so read-only users never see it and keep working.
 */
export const GMAIL_SEND_SCOPE = "https://www.googleapis.com/auth/gmail.send";

const SEND_CAPABLE = new Set([
  GMAIL_SEND_SCOPE,
  "https://www.googleapis.com/auth/gmail.compose",
  "https://www.googleapis.com/auth/gmail.modify",
  "https://mail.google.com/",
]);

export function canSendGmail(grantedScopes: readonly string[]): boolean {
  return grantedScopes.some((s) => SEND_CAPABLE.has(s));
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
export function servicesGranted(scopes: string[]): TokenService[] {
  const out: TokenService[] = (Object.keys(SCOPES) as GoogleService[]).filter((s) =>
    scopes.includes(SCOPES[s]),
  );
  if (canReadDrive(scopes)) out.push("drive");
  return out;
}
