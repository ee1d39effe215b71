import { DateTime } from "luxon";

/** A digest missed at its hour (worker down, deploy) is still sent within this many hours. */
export const DIGEST_GRACE_HOURS = 3;

/**
 * The local date whose digest is due at `now`, or null: due from the user's chosen local
 * hour for DIGEST_GRACE_HOURS. On a spring-forward day a skipped hour (01:30 never
 * happens) still falls in the window; on a fall-back day the repeated hour maps to the same
 * local date, and the one-row-per-(user, date) claim keeps it to one mail.
 */
export function digestDueDate(now: Date, tz: string, hour: number): string | null {
  const local = DateTime.fromJSDate(now, { zone: tz });
  const due = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  const ms = local.toMillis() - due.toMillis();
  if (ms < 0 || ms >= DIGEST_GRACE_HOURS * 3_600_000) return null;
  return local.toISODate();
}
