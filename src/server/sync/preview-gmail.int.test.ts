import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { useTestDb } from "../testing/test-db";
import { previewGmail } from "./preview-gmail";
import { updateSyncPrefs } from "./sync-prefs";
import { connectedUser, listedIds, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

/** Ground truth: every message carrying one label, all pages (a label's total includes its spam and trash). */
async function countWithLabel(account: string, labelId: string): Promise<number> {
  const { authedClients } = await import("../../../tools/google-emulator/test-clients");
  const { gmail } = authedClients(emu(), account);
  let n = 0;
  let pageToken: string | undefined;
  do {
    const r = await gmail.users.messages.list({
      userId: "me",
      labelIds: [labelId],
      includeSpamTrash: true,
      pageToken,
      maxResults: 500,
    });
    n += r.data.messages?.length ?? 0;
    pageToken = r.data.nextPageToken ?? undefined;
  } while (pageToken);
  return n;
}

describe("Gmail preview label counts", () => {
  it("reports exact per-label totals for the whole mailbox, not counts within the sampled messages", async () => {
    const { ctx, account } = await connectedUser(h, emu(), { mailbox: { messages: 400 } });
    await updateSyncPrefs(ctx, {
      gmailLabelIncludes: ["Label_3", "Label_999"],
      gmailLabelExcludes: ["CATEGORY_PROMOTIONS"],
    });
    const p = await previewGmail(ctx);

    expect(p.sampleSize).toBe(100);
    expect(p.estimatedTotal).toBe((await listedIds(emu(), account, "-category:promotions")).length);
    const inbox = await countWithLabel(account, "INBOX");
    expect(inbox).toBeGreaterThan(100); // more than the sample could ever have counted
    expect(p.countByLabel.INBOX).toBe(inbox);
    expect(p.countByLabel.SENT).toBe(await countWithLabel(account, "SENT"));
    for (const l of p.labels)
      expect([l.id, l.messagesTotal]).toEqual([l.id, await countWithLabel(account, l.id)]);
    expect(p.labels.length).toBeGreaterThan(3);
    expect(p.labels.map((l) => l.messagesTotal)).toEqual(
      [...p.labels.map((l) => l.messagesTotal)].sort((a, b) => b - a),
    );
    // An include label is counted even when the sample has none of it; with its name.
    expect(p.labels.find((l) => l.id === "Label_3")).toMatchObject({ name: "Referrals" });
    // A label deleted in Gmail is left out; an excluded one is never shown.
    expect(p.countByLabel).not.toHaveProperty("Label_999");
    expect(p.countByLabel).not.toHaveProperty("CATEGORY_PROMOTIONS");
    expect(Object.keys(p.countByLabel).sort()).toEqual(p.labels.map((l) => l.id).sort());
    expect(p.labels.length).toBeLessThanOrEqual(20);
  });
});
