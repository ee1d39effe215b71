import MailComposer from "nodemailer/lib/mail-composer";
import { markdownToEmail } from "./markdown-email";

export type OutboxMime = {
  from: { name: string; address: string };
  to: string;
  cc: string[];
  subject: string;
  /** Markdown body (signature already appended). */
  body: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  /** Extra headers (List-Unsubscribe for group sends). */
  headers?: Record<string, string>;
};

/**
 * RFC 822 bytes for one outbox item, built by nodemailer's MailComposer: HTML and plain
 * text alternatives, attachments, threading headers, and the item's fixed Message-ID.
 */
export async function buildOutboxMime(m: OutboxMime): Promise<Buffer> {
  const { html, text } = markdownToEmail(m.body);
  const node = new MailComposer({
    from: m.from,
    to: m.to,
    cc: m.cc.length ? m.cc : undefined,
    subject: m.subject,
    text,
    html,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo ?? undefined,
    references: m.references ?? undefined,
    headers: m.headers,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  }).compile();
  return new Promise<Buffer>((resolve, reject) =>
    node.build((err, buf) => (err ? reject(err) : resolve(buf))),
  );
}
