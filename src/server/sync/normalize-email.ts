import type { GmailRawMessage } from "../google/client";
import { isAutomatedAddress, isBulkMail } from "./classify-sender";
import { isAppError } from "../errors";
import { runUntrusted } from "../untrusted/run-untrusted";
import { trimForSummary } from "./mime/summarize";
import { BODY_CAP_CHARS, type ParsedEmail } from "./parse-email-for-import";

export { BODY_CAP_CHARS };
const SUBJECT_CAP = 998;
/**
 * Time budget for parsing one message (or one batch) in the worker pool; past it the
 * message is kept unparsed. Generous on purpose: wall-clock time on a loaded machine, and
 * the parsers are linear with capped input, so only a pathological message gets near it.
 */
export const EMAIL_PARSE_BUDGET_MS = 20_000;
const BATCH = 25;

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
 * One Gmail message (format=raw) → an interaction draft plus contact candidates. The MIME
 * parse runs in the worker pool with a time budget: a message that cannot be parsed in
 * time (or at all) is still recorded, by its date and labels, with no body or contacts.
 */
export async function normalizeEmail(
  msg: GmailRawMessage,
  ownAddresses: ReadonlySet<string>,
  opts: { signal?: AbortSignal } = {},
): Promise<NormalizedItem> {
  let m: ParsedEmail;
  try {
    m = await runUntrusted("email", msg.raw, { timeoutMs: EMAIL_PARSE_BUDGET_MS, signal: opts.signal });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return unparsedItem(msg, e.message);
  }
  return itemFromParsed(msg, ownAddresses, m);
}

/**
 * A page of messages, parsed BATCH at a time per pool task. A batch that fails as a whole
 * (time budget, crash) is retried one message at a time, so only the bad message is lost.
 */
export async function normalizeEmails(
  msgs: GmailRawMessage[],
  ownAddresses: ReadonlySet<string>,
  opts: { signal?: AbortSignal } = {},
): Promise<NormalizedItem[]> {
  const batches: GmailRawMessage[][] = [];
  for (let i = 0; i < msgs.length; i += BATCH) batches.push(msgs.slice(i, i + BATCH));
  const done = await Promise.all(
    batches.map(async (batch) => {
      let parsed: (ParsedEmail | null)[];
      try {
        parsed = await runUntrusted(
          "emails",
          batch.map((m) => m.raw),
          { timeoutMs: EMAIL_PARSE_BUDGET_MS, signal: opts.signal },
        );
      } catch (e) {
        if (!isAppError(e)) throw e;
        return Promise.all(batch.map((m) => normalizeEmail(m, ownAddresses, opts)));
      }
      return batch.map((m, i) =>
        parsed[i]
          ? itemFromParsed(m, ownAddresses, parsed[i])
          : unparsedItem(m, "the message could not be parsed"),
      );
    }),
  );
  return done.flat();
}

/** Pure: a parsed message → interaction draft and candidates. */
export function itemFromParsed(
  msg: GmailRawMessage,
  ownAddresses: ReadonlySet<string>,
  m: ParsedEmail,
): NormalizedItem {
  const from = m.from;
  const outbound = (from && ownAddresses.has(from.email)) || msg.labelIds.includes("SENT");
  const everyone = [...(from ? [from] : []), ...m.to, ...m.cc];
  const participants = [...new Set(everyone.map((a) => a.email))].filter((e) => !ownAddresses.has(e));
  const body = m.body;
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

function unparsedItem(msg: GmailRawMessage, why: string): NormalizedItem {
  const internalMs = Number(msg.internalDate);
  return {
    interaction: {
      type: "email",
      source: "gmail",
      sourceId: msg.id,
      occurredAt: new Date(Number.isFinite(internalMs) && internalMs > 0 ? internalMs : 0),
      subject: null,
      body: null,
      summary: null,
      direction: msg.labelIds.includes("SENT") ? "outbound" : "inbound",
      threadId: msg.threadId || null,
      metadata: { participants: [], labelIds: msg.labelIds, bulk: false, unparsed: why, attachments: [] },
    },
    candidates: [],
  };
}
