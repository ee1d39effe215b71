import type { gmail_v1 } from "@googleapis/gmail";
import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

let emu: Emulator;
let g: gmail_v1.Gmail;
const errorOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as GaxiosError).response;

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 12,
    mailbox: { messages: 60 },
    calendar: { events: 3 },
    now: new Date("2025-06-01T12:00:00Z"),
  });
  g = authedClients(emu).gmail;
});
afterAll(() => emu.close());

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
    let pages = 0;
    do {
      const res = await g.users.history.list({
        userId: "me",
        startHistoryId: "100000",
        maxResults: 25,
        pageToken,
      });
      records += res.data.history?.length ?? 0;
      pageToken = res.data.nextPageToken ?? undefined;
      pages++;
    } while (pageToken);
    // One messageAdded per seeded message (60 generated + 10 fixtures), plus the changes above.
    expect(records).toBeGreaterThanOrEqual(70);
    expect(pages).toBe(Math.ceil(records / 25));
  });

  it("returns 404 for a start point older than the retained history", async () => {
    const start = (await g.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const { historyId } = emu.control.expireHistory(emu.defaultAccount);
    const res = await errorOf(
      g.users.history.list({ userId: "me", startHistoryId: String(Number(start) - 1) }, { retry: false }),
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
