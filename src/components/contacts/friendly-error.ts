import { ApiError, errorMessage } from "@/lib/api-client";

/** What went wrong, in plain words, for contacts screens (never a bare code). */
export function friendlyError(e: unknown, what = "that"): string {
  if (e instanceof ApiError) {
    if (e.code === "not_found") return `We couldn't find ${what}. It may have been deleted.`;
    if (e.code === "conflict") return e.field("emails") ?? "Another contact already uses that email address.";
    if (e.code === "payload_too_large") return "That file is too large.";
    if (e.code === "unsupported_media_type") return "That file type isn't supported.";
    if (e.status === 404 && e.code.startsWith("http_")) return "This feature isn't available yet.";
    if (e.code === "unauthorized") return "Your session has ended. Please sign in again.";
    if (e.code === "invalid_body") {
      const fields = e.details?.fields;
      const first = fields ? Object.entries(fields)[0] : undefined;
      if (first) return `${first[0]}: ${first[1][0] ?? "invalid"}`;
    }
  }
  return errorMessage(e);
}
