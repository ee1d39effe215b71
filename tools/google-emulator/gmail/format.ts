// messages.get response shapes: full / metadata / minimal / raw, plus attachments.get.
import type { gmail_v1 } from "@googleapis/gmail";
import { decodeWords } from "../mime/encoded-words";
import { parseMessage, type MimePart } from "../mime/parse";
import { makeSnippet } from "../mime/text";
import { toBase64Url } from "../mime/transfer";
import type { Mailbox } from "./mailbox";
import type { MessageMeta } from "./message-meta";

export type MessageFormat = "full" | "metadata" | "minimal" | "raw";

export function formatMessage(
  box: Mailbox,
  meta: MessageMeta,
  format: MessageFormat,
  metadataHeaders: string[] = [],
): gmail_v1.Schema$Message {
  const raw = box.raw(meta);
  const root = parseMessage(raw);
  const base: gmail_v1.Schema$Message = {
    id: meta.id,
    threadId: meta.threadId,
    labelIds: [...meta.labelIds],
    snippet: makeSnippet(root),
    sizeEstimate: raw.length,
    historyId: String(meta.historyId),
    internalDate: String(meta.internalDate),
  };
  if (format === "minimal") return base;
  if (format === "raw") return { ...base, raw: toBase64Url(raw) };
  if (format === "metadata") {
    const wanted = metadataHeaders.map((h) => h.toLowerCase());
    const headers = root.headers
      .filter((h) => wanted.length === 0 || wanted.includes(h.name.toLowerCase()))
      .map((h) => ({ name: h.name, value: decodeWords(h.value) }));
    return { ...base, payload: { mimeType: root.mimeType, headers } };
  }
  return { ...base, payload: toPayload(meta, root, "") };
}

/** Gmail numbers parts "0", "1", "1.0"…; the root part has partId "". */
function toPayload(meta: MessageMeta, part: MimePart, partId: string): gmail_v1.Schema$MessagePart {
  const headers = part.headers.map((h) => ({ name: h.name, value: decodeWords(h.value) }));
  const isMultipart = part.parts.length > 0 || part.mimeType.startsWith("multipart/");
  const body: gmail_v1.Schema$MessagePartBody = isMultipart
    ? { size: 0 }
    : part.filename
      ? { attachmentId: attachmentIdFor(meta.id, partId), size: part.body.length }
      : { size: part.body.length, ...(part.body.length > 0 ? { data: toBase64Url(part.body) } : {}) };
  const out: gmail_v1.Schema$MessagePart = {
    partId,
    mimeType: part.mimeType,
    filename: part.filename,
    headers,
    body,
  };
  if (part.parts.length > 0) {
    out.parts = part.parts.map((child, i) =>
      toPayload(meta, child, partId === "" ? String(i) : `${partId}.${i}`),
    );
  }
  return out;
}

/** Opaque like Gmail's, but self-describing so attachments.get needs no extra state. */
export function attachmentIdFor(messageId: string, partId: string): string {
  return `ANGjdJ_${Buffer.from(`${messageId}:${partId}`).toString("base64url")}`;
}

export function getAttachment(
  box: Mailbox,
  meta: MessageMeta,
  attachmentId: string,
): gmail_v1.Schema$MessagePartBody | null {
  if (!attachmentId.startsWith("ANGjdJ_")) return null;
  const [messageId, partId] = Buffer.from(attachmentId.slice(7), "base64url").toString().split(":");
  if (messageId !== meta.id || partId === undefined) return null;
  let part: MimePart | undefined = parseMessage(box.raw(meta));
  for (const idx of partId.split(".")) part = part?.parts[Number(idx)];
  if (!part) return null;
  return { size: part.body.length, data: toBase64Url(part.body) };
}
