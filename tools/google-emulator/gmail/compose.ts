// Builds RFC 822 bytes for messages added at runtime through the control API.
import {
  buildMessage,
  attachmentLeaf,
  multipart,
  textLeaf,
  type HeaderList,
  type MimeNode,
} from "../mime/build";
import { encodeWords, parseAddressList } from "../mime/encoded-words";
import { rfc2822 } from "../seed/envelope";

export type AttachmentSpec = { filename: string; mimeType: string; content: string; base64?: boolean };

export type MessageSpec = {
  /** "Name <email>" or a bare address; defaults to a stranger writing to the account. */
  from?: string;
  to?: string | string[];
  cc?: string | string[];
  subject?: string;
  text?: string;
  html?: string;
  /** Defaults to the emulator's clock. */
  date?: string | number | Date;
  /** Defaults: SENT when from the account, else INBOX + UNREAD + CATEGORY_PERSONAL. */
  labelIds?: string[];
  /** Gmail id of the message this one replies to (sets threadId, In-Reply-To, References). */
  inReplyTo?: string;
  attachments?: AttachmentSpec[];
  extraHeaders?: Record<string, string>;
  /** A complete RFC 822 message (UTF-8 or binary string); other fields are then ignored except labelIds/date. */
  raw?: string;
};

export type ReplyContext = { messageId: string; references: string; subject: string };

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function addressHeader(values: string[]): string {
  return parseAddressList(values.join(", "))
    .map((a) =>
      a.name
        ? `${/[^\x20-\x7e]/.test(a.name) ? encodeWords(a.name) : `"${a.name.replace(/"/g, "")}"`} <${a.email}>`
        : a.email,
    )
    .join(", ");
}

export function composeRaw(
  spec: MessageSpec,
  ctx: { account: string; date: number; seq: number; reply?: ReplyContext },
): Buffer {
  // A string with only code points <= 0xFF is taken as binary (latin1); anything else as UTF-8 text.
  if (spec.raw !== undefined)
    return Buffer.from(
      spec.raw,
      Array.from(spec.raw).some((c) => (c.codePointAt(0) ?? 0) > 0xff) ? "utf8" : "latin1",
    );
  const subject =
    spec.subject ?? (ctx.reply ? `Re: ${ctx.reply.subject.replace(/^Re:\s*/i, "")}` : "(no subject)");
  const headers: HeaderList = [
    ["Date", rfc2822(ctx.date, 0)],
    ["From", addressHeader([spec.from ?? "New Client <new.client@gmail.com>"])],
    ["To", addressHeader(list(spec.to).length ? list(spec.to) : [ctx.account])],
  ];
  if (list(spec.cc).length) headers.push(["Cc", addressHeader(list(spec.cc))]);
  headers.push(["Subject", /[^\x20-\x7e]/.test(subject) ? encodeWords(subject) : subject]);
  headers.push(["Message-ID", `<emu-added-${ctx.seq}.${ctx.date.toString(36)}@emulator.local>`]);
  if (ctx.reply)
    headers.push(
      ["In-Reply-To", ctx.reply.messageId],
      ["References", `${ctx.reply.references} ${ctx.reply.messageId}`.trim()],
    );
  for (const [k, v] of Object.entries(spec.extraHeaders ?? {})) headers.push([k, v]);
  const text = spec.text ?? (spec.html ? undefined : "");
  const bodyParts: MimeNode[] = [];
  if (text !== undefined) bodyParts.push(textLeaf(text));
  if (spec.html !== undefined) bodyParts.push(textLeaf(spec.html, { html: true }));
  let root: MimeNode = bodyParts.length === 1 ? bodyParts[0]! : multipart("alternative", bodyParts);
  const atts = (spec.attachments ?? []).map((a) =>
    attachmentLeaf(a.filename, a.mimeType, Buffer.from(a.content, a.base64 ? "base64" : "utf8")),
  );
  if (atts.length) root = multipart("mixed", [root, ...atts]);
  return buildMessage(headers, root, `add${ctx.seq.toString(16)}`);
}
