import type { GmailRawMessage } from "../google/client";
import { isAutomatedAddress, isBulkMail } from "./classify-sender";
import { htmlToText } from "./mime/html-to-text";
import { parseMessage } from "./mime/parse";
import { trimForSummary } from "./mime/summarize";

export const BODY_CAP_CHARS = 64_000;
const SUBJECT_CAP = 998;

export type InteractionDraft = {
  type: "email" | "meeting" | "session";
  source: "gmail" | "calendar";
  sourceId: string;
  occurredAt: Date;
  subject: string | null;
  body: string | null;
  summary: string | null;
  direction: "inbound" | "outbound" | "internal" | null;
  threadId: string | null;
  metadata: Record<string, unknown> & { participants: string[] };
};

/** Who may become a contact from this item, and why ("engaged" = the user wrote to / met them). */
export type ContactCandidate = { email: string; name: string | null; engaged: boolean };

export type NormalizedItem = { interaction: InteractionDraft; candidates: ContactCandidate[] };

/**
 * Pure: one Gmail message (format=raw) → an interaction draft plus contact candidates.
 * Direction compares the sender with the account's own addresses; participants exclude them.
 */
export function normalizeEmail(msg: GmailRawMessage, ownAddresses: ReadonlySet<string>): NormalizedItem {
  const m = parseMessage(Buffer.from(msg.raw, "base64url"));
  const from = m.from;
  const outbound = (from && ownAddresses.has(from.email)) || msg.labelIds.includes("SENT");
  const everyone = [...(from ? [from] : []), ...m.to, ...m.cc];
  const participants = [...new Set(everyone.map((a) => a.email))].filter((e) => !ownAddresses.has(e));
  let body = m.text ?? (m.html ? htmlToText(m.html) : "");
  if (body.length > BODY_CAP_CHARS) body = body.slice(0, BODY_CAP_CHARS);
  const bulk = isBulkMail(m.headers);
  const candidates: ContactCandidate[] = [];
  if (!bulk) {
    const seen = new Set<string>();
    const add = (email: string, name: string | null, engaged: boolean) => {
      if (ownAddresses.has(email) || seen.has(email) || isAutomatedAddress(email)) return;
      seen.add(email);
      candidates.push({ email, name, engaged });
    };
    if (outbound) for (const a of [...m.to, ...m.cc]) add(a.email, a.name, true);
    else if (from) add(from.email, from.name, false);
  }
  const internalMs = Number(msg.internalDate);
  return {
    interaction: {
      type: "email",
      source: "gmail",
      sourceId: msg.id,
      occurredAt: new Date(
        Number.isFinite(internalMs) && internalMs > 0 ? internalMs : (m.date?.getTime() ?? 0),
      ),
      subject: m.subject ? m.subject.slice(0, SUBJECT_CAP) : null,
      body: body || null,
      summary: body ? trimForSummary(body) : null,
      direction: outbound ? "outbound" : "inbound",
      threadId: msg.threadId || null,
      metadata: {
        participants,
        from: from?.email ?? null,
        fromName: from?.name ?? null,
        to: m.to.map((a) => a.email),
        cc: m.cc.map((a) => a.email),
        labelIds: msg.labelIds,
        messageId: m.messageId,
        bulk,
        attachments: m.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType, size: a.size })),
      },
    },
    candidates,
  };
}
