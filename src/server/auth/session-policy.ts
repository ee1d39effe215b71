/**
 * Session lifetime, shared by Better Auth (auth.ts) and our own session lookup
 * (find-session.ts). Sliding: a session used after UPDATE_AGE since it was last extended
 * is extended to EXPIRES_IN from now, so an active user never gets signed out, while an
 * idle one is after EXPIRES_IN. Documented in docs/api/auth.md.
 */
export const SESSION_EXPIRES_IN_SEC = 60 * 60 * 24 * 30;
export const SESSION_UPDATE_AGE_SEC = 60 * 60 * 24;

/** True when a session expiring at `expiresAt` was last extended more than UPDATE_AGE ago. */
export function sessionDueForRefresh(expiresAt: Date, now: Date): boolean {
  const lastExtended = expiresAt.getTime() - SESSION_EXPIRES_IN_SEC * 1000;
  return now.getTime() - lastExtended >= SESSION_UPDATE_AGE_SEC * 1000;
}
