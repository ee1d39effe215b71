import type { gmail_v1 } from "@googleapis/gmail";
import { GoogleError } from "../errors";
import { driverCall, type DriverCallOptions } from "../google-session";
import { QUOTA_COST } from "../quota";
import type { GmailSession } from "./gmail-session";

// The Gmail driver's read methods used by import, incremental sync and preview. Each pays
// its quota units and goes through the breaker and retry policy (driverCall).

export type GmailProfile = { emailAddress: string; historyId: string; messagesTotal: number };

export function gmailGetProfile(s: GmailSession, opts?: DriverCallOptions): Promise<GmailProfile> {
  return driverCall(s, QUOTA_COST.getProfile, () => s.gmail.getProfile(), opts);
}

export type GmailIdPage = { ids: string[]; nextPageToken?: string; estimate: number };

export function gmailListMessageIds(
  s: GmailSession,
  p: { q?: string; labelIds?: string[]; pageToken?: string; maxResults?: number },
): Promise<GmailIdPage> {
  return driverCall(s, QUOTA_COST["messages.list"], () => s.gmail.listMessageIds(p));
}

/** history.list from a stored historyId; 404 (cursor too old) throws GoogleError cursor_invalid. */
export function gmailListHistory(
  s: GmailSession,
  p: { startHistoryId: string; pageToken?: string },
): Promise<{ ids: string[]; nextPageToken?: string; historyId: string }> {
  return driverCall(s, QUOTA_COST["history.list"], () => s.gmail.listHistory(p), { cursorOp: true });
}

export type GmailMessageMeta = gmail_v1.Schema$Message;

/** messages.get format=metadata with the named headers only (no body). */
export function gmailGetMetadata(s: GmailSession, id: string, headers: string[]): Promise<GmailMessageMeta> {
  return driverCall(s, QUOTA_COST["messages.get"], () => s.gmail.getMetadata(id, headers));
}

/** labels.get with exact counts; a label deleted meanwhile (404) is null. */
export async function gmailGetLabel(
  s: GmailSession,
  id: string,
): Promise<{ id: string; name: string; messagesTotal: number } | null> {
  try {
    return await driverCall(s, QUOTA_COST["labels.get"], () => s.gmail.getLabel(id));
  } catch (e) {
    if (e instanceof GoogleError && e.kind === "not_found") return null;
    throw e;
  }
}
