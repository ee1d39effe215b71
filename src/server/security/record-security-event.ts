import { getDb, type Db } from "../db/client";
import { securityEvents } from "../db/schema/sync";
import { withSystem } from "../db/with-user";
import { currentLog } from "../log-context";
import { createSecurityEventThrottle } from "./security-event-throttle";

export type SecurityEventKind =
  | "sign_in_failed"
  | "lockout"
  | "csrf_rejected"
  | "origin_rejected"
  | "rate_limited"
  | "password_reset_requested"
  | "password_reset"
  | "account_deleted"
  | "password_changed";

export type SecurityEvent = {
  kind: SecurityEventKind;
  userId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

const g = globalThis as unknown as { __omnicrmSecThrottle?: ReturnType<typeof createSecurityEventThrottle> };

/**
 * Logs a structured security event and stores it (kept 90 days, see purge-security-events).
 * Origin and CSRF rejections are stored at most once per IP and minute (always logged).
 * Never throws: an audit write failing must not turn a rejection into a 500.
 */
export async function recordSecurityEvent(ev: SecurityEvent): Promise<void> {
  const log = currentLog();
  const verdict = (g.__omnicrmSecThrottle ??= createSecurityEventThrottle())(ev.kind, ev.ip);
  log.warn(
    {
      security: ev.kind,
      userId: ev.userId ?? undefined,
      ip: ev.ip ?? undefined,
      ...ev.details,
      ...(verdict.store ? {} : { throttled: true }),
    },
    "security event",
  );
  if (!verdict.store) return;
  const details = verdict.suppressedBefore
    ? { ...ev.details, suppressedBefore: verdict.suppressedBefore }
    : ev.details;
  try {
    await storeSecurityEvent((await getDb()).db, { ...ev, details });
  } catch (e) {
    log.error({ err: e, security: ev.kind }, "could not store security event");
  }
}

export async function storeSecurityEvent(db: Db, ev: SecurityEvent): Promise<void> {
  await withSystem(db, (tx) =>
    tx.insert(securityEvents).values({
      kind: ev.kind,
      userId: ev.userId ?? null,
      ip: ev.ip ?? null,
      details: ev.details ?? null,
    }),
  );
}
