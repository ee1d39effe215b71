import { env } from "@/lib/env";
import { AppError } from "../errors";

export type GoogleService = "gmail" | "calendar";

export const SCOPES: Record<GoogleService, string> = {
  gmail: "https://www.googleapis.com/auth/gmail.readonly",
  calendar: "https://www.googleapis.com/auth/calendar.readonly",
};

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
export function servicesGranted(scopes: string[]): GoogleService[] {
  return (Object.keys(SCOPES) as GoogleService[]).filter((s) => scopes.includes(SCOPES[s]));
}
