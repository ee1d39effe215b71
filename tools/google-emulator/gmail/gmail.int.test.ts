import type { gmail_v1 } from "@googleapis/gmail";
import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url } from "../mime/transfer";
import { loadFixtures } from "../seed/fixtures";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

const NOW = new Date("2025-06-01T12:00:00Z");
let emu: Emulator;
let g: gmail_v1.Gmail;
const fixtureId = (file: string) =>
  emu.control.describeCorpus().fixtures.find((f) => f.file === file)?.id ?? "";
const errorOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as GaxiosError).response;
const noRetry = { retry: false };

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 11,
    mailbox: { messages: 1200 },
    calendar: { events: 5 },
    now: NOW,
  });
  g = authedClients(emu).gmail;
});
afterAll(() => emu.close());

async function listAll(params: gmail_v1.Params$Resource$Users$Messages$List) {
  const ids: string[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const res = await g.users.messages.list({ userId: "me", ...params, pageToken });
    ids.push(...(res.data.messages ?? []).map((m) => m.id ?? ""));
    pageToken = res.data.nextPageToken ?? undefined;
    pages++;
  } while (pageToken);
  return { ids, pages };
}

describe("Gmail messages.list", () => {
  it("pages 1,200+ messages at 500 per page, newest first, without duplicates", async () => {
    const profile = (await g.users.getProfile({ userId: "me" })).data;
    expect(profile).toMatchObject({ emailAddress: emu.defaultAccount, messagesTotal: 1210 });
    const all = await listAll({ maxResults: 500, includeSpamTrash: true });
    expect(all.pages).toBe(3);
    expect(new Set(all.ids).size).toBe(1210);
    const first = await g.users.messages.get({ userId: "me", id: all.ids[0] ?? "", format: "minimal" });
    const second = await g.users.messages.get({ userId: "me", id: all.ids[1] ?? "", format: "minimal" });
    expect(Number(first.data.internalDate)).toBeGreaterThanOrEqual(Number(second.data.internalDate));
    const corpus = emu.control.describeCorpus();
    const spamTrash = (corpus.byLabel.SPAM ?? 0) + (corpus.byLabel.TRASH ?? 0);
    expect((await listAll({ maxResults: 500 })).ids.length).toBe(1210 - spamTrash);
  });

  it("filters with q and labelIds", async () => {
    const corpus = emu.control.describeCorpus();
    expect((await listAll({ q: "in:sent", maxResults: 500 })).ids.length).toBe(corpus.byLabel.SENT);
    expect((await listAll({ labelIds: ["CHAT"] })).ids.length).toBe(corpus.byLabel.CHAT);
    const recent = await listAll({ q: "newer_than:7d", maxResults: 500 });
    expect(recent.ids.length).toBeGreaterThan(0);
    expect(recent.ids.length).toBeLessThan(200);
    const booking = await g.users.messages.list({
      userId: "me",
      q: "from:noreply@bookwell.com -category:promotions",
      maxResults: 3,
    });
    for (const m of booking.data.messages ?? []) {
      const meta = await g.users.messages.get({
        userId: "me",
        id: m.id ?? "",
        format: "metadata",
        metadataHeaders: ["From"],
      });
      expect(meta.data.payload?.headers).toEqual([
        { name: "From", value: "BookWell <noreply@bookwell.com>" },
      ]);
      expect(meta.data.labelIds).toContain("CATEGORY_UPDATES");
    }
    const promos = await listAll({ q: "category:promotions", maxResults: 500 });
    const notPromos = await listAll({ q: "in:inbox -category:promotions", maxResults: 500 });
    expect(promos.ids.some((id) => notPromos.ids.includes(id))).toBe(false);
    const page = await g.users.messages.list({
      userId: "me",
      maxResults: 2,
      fields: "messages(id),resultSizeEstimate",
    });
    expect(Object.keys(page.data).sort()).toEqual(["messages", "resultSizeEstimate"]);
    expect(Object.keys(page.data.messages?.[0] ?? {})).toEqual(["id"]);
  });
});

describe("Gmail messages.get", () => {
  it("serves a quoted-printable Latin-1 message in every format", async () => {
    const id = fixtureId("02-qp-latin1.eml");
    const full = (await g.users.messages.get({ userId: "me", id })).data;
    expect(full.payload).toMatchObject({ partId: "", mimeType: "text/plain", filename: "" });
    expect(full.payload?.headers).toContainEqual({ name: "Subject", value: "Réservation séance samedi" });
    expect(full.payload?.headers).toContainEqual({
      name: "From",
      value: "Zoë Lefèvre <zoe.lefevre@yahoo.com>",
    });
    const body = fromBase64Url(full.payload?.body?.data ?? "");
    expect(full.payload?.body?.size).toBe(body.length);
    expect(body.toString("latin1")).toContain("réserver une séance de massage samedi à 10h");
    expect(full.snippet).toMatch(/^Bonjour Maya, Je voudrais réserver/);
    const raw = (await g.users.messages.get({ userId: "me", id, format: "raw" })).data;
    expect(fromBase64Url(raw.raw ?? "").equals(loadFixtures()[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(raw.payload).toBeUndefined();
    const meta = (
      await g.users.messages.get({
        userId: "me",
        id,
        format: "metadata",
        metadataHeaders: ["subject", "Date"],
      })
    ).data;
    expect(meta.payload?.headers?.map((h) => h.name)).toEqual(["Date", "Subject"]);
    const minimal = (await g.users.messages.get({ userId: "me", id, format: "minimal" })).data;
    expect(Object.keys(minimal).sort()).toEqual([
      "historyId",
      "id",
      "internalDate",
      "labelIds",
      "sizeEstimate",
      "snippet",
      "threadId",
    ]);
    expect(minimal.internalDate).toBe(String(Date.parse("2025-01-07T17:40:00Z")));
  });

  it("decodes RFC 2047 subjects, numbers nested parts, and serves attachments", async () => {
    const alt = (
      await g.users.messages.get({ userId: "me", id: fixtureId("03-utf8-alternative-b-subject.eml") })
    ).data;
    expect(alt.payload?.headers?.find((h) => h.name === "Subject")?.value).toBe(
      "🧘 Reprogramación de la sesión del jueves",
    );
    expect(alt.payload?.parts?.map((p) => [p.partId, p.mimeType])).toEqual([
      ["0", "text/plain"],
      ["1", "text/html"],
    ]);
    const mixed = (await g.users.messages.get({ userId: "me", id: fixtureId("05-mixed-pdf-attachment.eml") }))
      .data;
    expect(mixed.payload?.parts?.[0]?.parts?.map((p) => p.partId)).toEqual(["0.0", "0.1"]);
    const pdf = mixed.payload?.parts?.[1];
    expect(pdf).toMatchObject({ partId: "1", mimeType: "application/pdf", filename: "invoice-2025-001.pdf" });
    expect(pdf?.body?.data).toBeUndefined();
    const att = await g.users.messages.attachments.get({
      userId: "me",
      messageId: mixed.id ?? "",
      id: pdf?.body?.attachmentId ?? "",
    });
    expect(
      fromBase64Url(att.data.data ?? "")
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(att.data.size).toBe(pdf?.body?.size);
    const reply = (
      await g.users.messages.get({ userId: "me", id: fixtureId("08-reply-quoted.eml"), format: "minimal" })
    ).data;
    expect(reply.threadId).toBe(fixtureId("01-plain-ascii.eml"));
  });

  it("answers errors like Gmail: 404, delegation 403, insufficient scope 403", async () => {
    expect(
      await errorOf(g.users.messages.get({ userId: "me", id: "ffffffffffffffff" }, noRetry)),
    ).toMatchObject({ status: 404, data: { error: { status: "NOT_FOUND" } } });
    expect((await errorOf(g.users.getProfile({ userId: "someone@else.com" }, noRetry)))?.status).toBe(403);
    const calOnly = authedClients(emu, emu.defaultAccount, {
      scope: "https://www.googleapis.com/auth/calendar.readonly",
    }).gmail;
    const res = await errorOf(calOnly.users.messages.list({ userId: "me" }, noRetry));
    expect(res?.data).toMatchObject({
      error: { code: 403, errors: [{ reason: "insufficientPermissions" }] },
    });
  });
});

describe("Gmail history.list", () => {
  it("reports added, relabelled and deleted mail after a start point", async () => {
    const start = (await g.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const added = emu.control.addMessage(emu.defaultAccount, {
      from: "Emma Johnson <emma.johnson@gmail.com>",
      subject: "Running late!",
      text: "10 minutes late, sorry",
    });
    emu.control.modifyLabels(emu.defaultAccount, added.id, ["Label_1"], ["UNREAD"]);
    const newest = await g.users.messages.list({ userId: "me", maxResults: 1 });
    expect(newest.data.messages?.[0]?.id).toBe(added.id);
    const h = (await g.users.history.list({ userId: "me", startHistoryId: start })).data;
    expect(h.history?.map((r) => Object.keys(r).filter((k) => k !== "id" && k !== "messages"))).toEqual([
      ["messagesAdded"],
      ["labelsAdded"],
      ["labelsRemoved"],
    ]);
    expect(h.history?.[0]?.messagesAdded?.[0]?.message).toMatchObject({
      id: added.id,
      labelIds: ["INBOX", "UNREAD", "CATEGORY_PERSONAL"],
    });
    expect(Number(h.historyId)).toBeGreaterThan(Number(start));
    const onlyAdded = await g.users.history.list({
      userId: "me",
      startHistoryId: start,
      historyTypes: ["messageAdded"],
    });
    expect(onlyAdded.data.history).toHaveLength(1);
    emu.control.deleteMessage(emu.defaultAccount, added.id);
    const after = await g.users.history.list({ userId: "me", startHistoryId: h.historyId ?? "" });
    expect(after.data.history?.[0]?.messagesDeleted?.[0]?.message?.id).toBe(added.id);
  });

  it("pages through the whole retained history", async () => {
    let pageToken: string | undefined;
    let records = 0;
    do {
      const res = await g.users.history.list({
        userId: "me",
        startHistoryId: "100000",
        maxResults: 500,
        pageToken,
      });
      records += res.data.history?.length ?? 0;
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(records).toBeGreaterThanOrEqual(1210);
  });

  it("returns 404 for a start point older than the retained history", async () => {
    const start = (await g.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const { historyId } = emu.control.expireHistory(emu.defaultAccount);
    const res = await errorOf(
      g.users.history.list({ userId: "me", startHistoryId: String(Number(start) - 1) }, noRetry),
    );
    expect(res?.status).toBe(404);
    expect(res?.data).toMatchObject({
      error: { code: 404, errors: [{ reason: "notFound" }], status: "NOT_FOUND" },
    });
    await expect(g.users.history.list({ userId: "me", startHistoryId: historyId })).resolves.toMatchObject({
      status: 200,
    });
  });
});
