import { env } from "@/lib/env";
import { blockRate, peekRate, penalizeRate, resetRate, type RateVerdict } from "./rate-limit";

/** The longest a run of failed sign-ins (from anywhere) makes an account wait between tries. */
export const ACCOUNT_MAX_DELAY_SEC = 60;

/** Failed sign-ins an account absorbs in 15 minutes (from any IPs) before delays start. */
export function accountFreeFailures(): number {
  return env().RATE_LIMIT_AUTH_PER_15MIN * 2;
}

const key = (email: string) => email.trim().toLowerCase();

/**
 * Per-account brute-force protection across IPs: past the free failures, each further
 * failure closes the account's gate for a delay that doubles (1 s, 2 s, 4 s …) up to
 * ACCOUNT_MAX_DELAY_SEC. A stranger can slow an account down, never lock its owner out
 * for more than a minute; a successful sign-in clears the count.
 */
export async function checkAccountGate(email: string): Promise<RateVerdict> {
  return peekRate("auth_account", key(email));
}

export async function recordAccountFailure(email: string): Promise<void> {
  const n = await penalizeRate("auth_failures", key(email));
  const over = n - accountFreeFailures();
  if (over > 0) await blockRate("auth_account", key(email), Math.min(2 ** (over - 1), ACCOUNT_MAX_DELAY_SEC));
}

export async function clearAccountFailures(email: string): Promise<void> {
  await resetRate("auth_failures", key(email));
  await resetRate("auth_account", key(email));
}
