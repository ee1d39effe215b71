import { env } from "@/lib/env";
import { appOrigin } from "../auth/auth-secret";

let allowed: Set<string> | undefined;

/** The app's own origin plus APP_ORIGINS. */
export function allowedOrigins(): Set<string> {
  if (allowed) return allowed;
  const extra = (env().APP_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      try {
        return new URL(s).origin;
      } catch {
        return s;
      }
    });
  allowed = new Set([appOrigin(), ...extra]);
  return allowed;
}

/** A request without Origin (same-origin GET, curl, scripts) passes; a foreign or "null" one does not. */
export function isOriginAllowed(origin: string | null): boolean {
  return origin === null || allowedOrigins().has(origin);
}
