import type { GmailRawMessage } from "../client";
import { GoogleError } from "../errors";
import { driverCall } from "../google-session";
import { QUOTA_COST } from "../quota";
import type { GmailSession } from "./gmail-session";

export const FETCH_CONCURRENCY = 16;

/**
 * Fetches messages (format=raw) with bounded concurrency, each call paid for from the
 * user's quota bucket first. A message deleted since listing (404) is skipped; any other
 * failure stops the page so the job retries it from its checkpoint (nothing is lost).
 */
export async function fetchMessages(
  s: GmailSession,
  ids: string[],
  o: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<GmailRawMessage[]> {
  const out: (GmailRawMessage | null)[] = new Array<GmailRawMessage | null>(ids.length).fill(null);
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < ids.length && failed === null) {
      if (o.signal?.aborted) throw o.signal.reason ?? new Error("aborted");
      const i = next++;
      try {
        out[i] = await driverCall(s, QUOTA_COST["messages.get"], () => s.gmail.getRaw(ids[i]!));
      } catch (e) {
        if (e instanceof GoogleError && e.kind === "not_found") continue;
        failed = e;
        throw e;
      }
    }
  };
  const n = Math.min(o.concurrency ?? FETCH_CONCURRENCY, ids.length);
  await Promise.all(Array.from({ length: n }, worker));
  return out.filter((m): m is GmailRawMessage => m !== null);
}

/** Label prefs as a Gmail query suffix: Gmail narrows server-side; we re-check exactly after fetching. */
export function labelQuery(query: string, excludes: string[]): string {
  const parts = [query.trim()];
  for (const l of excludes) {
    const cat = /^CATEGORY_(\w+)$/.exec(l);
    parts.push(cat ? `-category:${cat[1]!.toLowerCase()}` : `-label:${l.includes(" ") ? `"${l}"` : l}`);
  }
  return parts.filter(Boolean).join(" ");
}

export function passesLabels(labelIds: string[], includes: string[], excludes: string[]): boolean {
  if (excludes.some((l) => labelIds.includes(l))) return false;
  return includes.length === 0 || includes.some((l) => labelIds.includes(l));
}
