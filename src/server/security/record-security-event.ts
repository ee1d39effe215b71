import { getDb, type Db } from "../db/client";
import { securityEvents } from "../db/schema/sync";
import { withSystem } from "../db/with-user";
import { currentLog } from "../log-context";

export type SecurityEventKind =
  | "sign_in_failed"
  | "lockout"
  | "csrf_rejected"
  | "origin_rejected"
  | "rate_limited"
  | "password_reset_requested"
  | "password_reset"
  | "account_deleted";

export type SecurityEvent = {
  kind: SecurityEventKind;
  userId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Logs a structured security event and stores it (kept 90 days, see purge-security-events).
 * Never throws: an audit write failing must not turn a rejection into a 500.
 */
export async function recordSecurityEvent(ev: SecurityEvent): Promise<void> {
  const log = currentLog();
  log.warn(
    { security: ev.kind, userId: ev.userId ?? undefined, ip: ev.ip ?? undefined, ...ev.details },
    "security event",
  );
  try {
    await storeSecurityEvent((await getDb()).db, ev);
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
