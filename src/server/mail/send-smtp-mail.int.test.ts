import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startSmtpSink } from "../../../tests/http/smtp-sink";
import { sendSmtpMail } from "./send-smtp-mail";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const saved = { SMTP_URL: process.env.SMTP_URL, DATA_DIR: process.env.DATA_DIR };
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

describe("sendSmtpMail", () => {
  it("sends HTML + text with an attachment and a stable Message-ID through SMTP_URL", async () => {
    process.env.SMTP_URL = sink.url;
    resetEnvCache();
    const r = await sendSmtpMail({
      to: "client@example.com",
      subject: "Your booking",
      text: "See you Tuesday",
      html: "<p>See you <b>Tuesday</b></p>",
      messageId: "<booking-1@omnicrm.test>",
      attachments: [{ filename: "invite.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" }],
    });
    expect(r.delivered).toBe(true);
    const mail = sink.mails.at(-1)!;
    expect(mail.to.join()).toContain("client@example.com");
    expect(mail.data).toContain("Message-ID: <booking-1@omnicrm.test>");
    expect(mail.data).toMatch(/multipart\/mixed/);
    expect(mail.data).toContain("invite.ics");
  });

  it("without SMTP_URL (development) saves the message as an .eml file instead", async () => {
    delete process.env.SMTP_URL;
    process.env.DATA_DIR = `.data/test-mail-${process.pid}`;
    resetEnvCache();
    const before = sink.mails.length;
    const r = await sendSmtpMail({ to: "a@example.com", subject: "Digest", text: "hello" });
    expect(r.delivered).toBe(false);
    expect(readFileSync(r.savedTo!, "utf8")).toContain("Subject: Digest");
    expect(sink.mails.length).toBe(before);
    rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  });
});
