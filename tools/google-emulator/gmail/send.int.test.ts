import type { gmail_v1 } from "@googleapis/gmail";
import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

const SEND = "https://www.googleapis.com/auth/gmail.send";
const READ = "https://www.googleapis.com/auth/gmail.readonly";
let emu: Emulator;
let g: gmail_v1.Gmail;
const ACC = "maya@example.com";
const status = async (p: Promise<unknown>) =>
  ((await p.catch((e: unknown) => e)) as GaxiosError).response?.status;
const raw = (lines: string[]) => Buffer.from(lines.join("\r\n")).toString("base64url");

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 3,
    account: ACC,
    mailbox: { messages: 10 },
    calendar: { events: 1 },
  });
  emu.control.addAccount("two@example.com", { sendAs: ["studio@example.org"], mailbox: { messages: 0 } });
  g = authedClients(emu, ACC, { scope: ["openid", READ, SEND] }).gmail;
});
afterAll(() => emu.close());

describe("Gmail messages.send and sendAs.list", () => {
  it("stores the message with SENT, lists it, reports it in history and finds it by rfc822msgid", async () => {
    const start = (await g.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const r = await g.users.messages.send({
      userId: "me",
      requestBody: {
        raw: raw([
          `From: Maya <${ACC}>`,
          "To: emma@example.net",
          "Subject: Hello",
          "Message-ID: <abc-1@example.com>",
          "",
          "Hi Emma",
        ]),
      },
    });
    expect(r.data.labelIds).toEqual(["SENT"]);
    const sent = await g.users.messages.list({ userId: "me", q: "in:sent" });
    expect(sent.data.messages?.map((m) => m.id)).toContain(r.data.id);
    const h = await g.users.history.list({ userId: "me", startHistoryId: start });
    expect(h.data.history?.[0]?.messagesAdded?.[0]?.message?.id).toBe(r.data.id);
    const found = await g.users.messages.list({ userId: "me", q: "rfc822msgid:abc-1@example.com" });
    expect(found.data.messages?.map((m) => m.id)).toEqual([r.data.id]);
    const none = await g.users.messages.list({ userId: "me", q: "rfc822msgid:<nope@example.com>" });
    expect(none.data.messages).toBeUndefined();
  });

  it("threads a reply by threadId and by References", async () => {
    const inbound = emu.control.addMessage(ACC, { from: "Emma <emma@example.net>", subject: "Question" });
    const full = await g.users.messages.get({
      userId: "me",
      id: inbound.id,
      format: "metadata",
      metadataHeaders: ["Message-ID"],
    });
    const parent = full.data.payload?.headers?.find((h) => h.name === "Message-ID")?.value ?? "";
    const reply = await g.users.messages.send({
      userId: "me",
      requestBody: {
        threadId: inbound.threadId,
        raw: raw([
          `From: ${ACC}`,
          "To: emma@example.net",
          "Subject: Re: Question",
          `In-Reply-To: ${parent}`,
          `References: ${parent}`,
          "",
          "Answer",
        ]),
      },
    });
    expect(reply.data.threadId).toBe(inbound.threadId);
    const byRefs = await g.users.messages.send({
      userId: "me",
      requestBody: {
        raw: raw([
          `From: ${ACC}`,
          "To: emma@example.net",
          "Subject: Re: Question",
          `References: ${parent}`,
          "",
          "More",
        ]),
      },
    });
    expect(byRefs.data.threadId).toBe(inbound.threadId);
  });

  it("refuses without a send scope, without recipients, and from an address the account does not own", async () => {
    const ro = authedClients(emu, ACC, { scope: ["openid", READ] }).gmail;
    const msg = raw([`From: ${ACC}`, "To: a@example.net", "Subject: x", "", "x"]);
    expect(await status(ro.users.messages.send({ userId: "me", requestBody: { raw: msg } }))).toBe(403);
    expect(
      await status(
        g.users.messages.send({
          userId: "me",
          requestBody: { raw: raw([`From: ${ACC}`, "Subject: x", "", "x"]) },
        }),
      ),
    ).toBe(400);
    expect(
      await status(
        g.users.messages.send({
          userId: "me",
          requestBody: { raw: raw(["From: other@example.com", "To: a@example.net", "", "x"]) },
        }),
      ),
    ).toBe(400);
  });

  it("lists send-as aliases and accepts mail from them", async () => {
    const two = authedClients(emu, "two@example.com", { scope: ["openid", READ, SEND] }).gmail;
    const list = await two.users.settings.sendAs.list({ userId: "me" });
    expect(list.data.sendAs?.map((s) => [s.sendAsEmail, s.isPrimary])).toEqual([
      ["two@example.com", true],
      ["studio@example.org", false],
    ]);
    const r = await two.users.messages.send({
      userId: "me",
      requestBody: {
        raw: raw(["From: Studio <studio@example.org>", "To: a@example.net", "Subject: hi", "", "x"]),
      },
    });
    const got = await two.users.messages.get({
      userId: "me",
      id: r.data.id ?? "",
      format: "metadata",
      metadataHeaders: ["From"],
    });
    expect(got.data.payload?.headers?.[0]?.value).toContain("studio@example.org");
    expect(emu.control.stats().unitsByAccount["two@example.com"]).toBeGreaterThanOrEqual(100);
  });
});
