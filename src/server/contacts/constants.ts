// Plain values shared by the database schema, the API schemas and client components. No
// drizzle (or any server) import here: client code importing this must not pull the ORM
// into the browser bundle.

export const lifecycleStages = [
  "Prospect",
  "New Client",
  "Core Client",
  "Referring Client",
  "VIP Client",
  "Lost Client",
  "At Risk Client",
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const contactSources = [
  "manual",
  "csv_import",
  "gmail_import",
  "calendar_import",
  "booking",
  "form",
] as const;
export type ContactSource = (typeof contactSources)[number];

/** Soft-deleted contacts can be restored this long; after that the retention job purges them. */
export const RESTORE_WINDOW_DAYS = 30;

/** Largest avatar upload accepted (before it is resized to a small square). */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
/** Avatar formats the server can resize; anything else is refused with 415. */
export const AVATAR_MIME_TYPES = ["image/png", "image/jpeg"] as const;
