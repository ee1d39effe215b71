import type { gmail_v1 } from "@googleapis/gmail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

const NOW = new Date("2025-06-01T12:00:00Z");
let emu: Emulator;
let g: gmail_v1.Gmail;

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
