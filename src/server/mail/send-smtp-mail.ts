import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";
import { currentLog } from "../log-context";

export type SmtpMail = {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Defaults to SMTP_FROM. */
  from?: string;
  replyTo?: string;
  /**
   * Stable Message-ID (`<…@host>`): a retried job sends the same id, so a receiving server
   * and our own audit can recognise a duplicate.
   */
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
  /** Extra alternative parts, e.g. an ICS invitation (`text/calendar; method=REQUEST`). */
  icalEvent?: { method?: string; content: string; filename?: string };
};

export type SmtpResult = { delivered: boolean; messageId: string | null; savedTo?: string };

let cached: { url: string; transport: Transporter } | null = null;

async function transportFor(url: string): Promise<Transporter> {
  if (cached?.url === url) return cached.transport;
  const { createTransport } = await import("nodemailer");
  cached = { url, transport: createTransport(url) };
  return cached.transport;
}

/**
 * Sends app mail (digests, booking confirmations, reminders) through SMTP_URL with
 * nodemailer, which builds the MIME. With no SMTP_URL outside production the message is
 * written as an .eml file under DATA_DIR/mail-outbox/ and logged, so a local install can
 * see what would have gone out; in production that is a configuration error.
 */
export async function sendSmtpMail(mail: SmtpMail): Promise<SmtpResult> {
  const e = env();
  const log = currentLog();
  const message: Mail.Options = {
    from: mail.from ?? e.SMTP_FROM ?? "OmniCRM <no-reply@localhost>",
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    replyTo: mail.replyTo,
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.attachments,
    icalEvent: mail.icalEvent,
  };
  if (!e.SMTP_URL) {
    if (e.NODE_ENV === "production") throw new Error("SMTP_URL is not set: cannot send mail");
    const MailComposer = (await import("nodemailer/lib/mail-composer")).default;
    const raw = await new MailComposer(message).compile().build();
    const dir = path.resolve(e.DATA_DIR, "mail-outbox");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.eml`);
    await writeFile(file, raw, { mode: 0o600 });
    log.warn({ to: mail.to, subject: mail.subject, file }, "SMTP_URL not set: mail saved to a file");
    return { delivered: false, messageId: mail.messageId ?? null, savedTo: file };
  }
  const info = (await (await transportFor(e.SMTP_URL)).sendMail(message)) as { messageId?: string };
  log.info({ to: mail.to, subject: mail.subject }, "mail sent");
  return { delivered: true, messageId: info.messageId ?? mail.messageId ?? null };
}
