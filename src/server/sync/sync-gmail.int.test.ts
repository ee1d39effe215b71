import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "../db/client";
import { contacts } from "../db/schema/contacts";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { loadBatch } from "./batch-progress";
import { previewGmail } from "./preview-gmail";
import { syncGmail } from "./sync-gmail";
import { connectedUser, listedIds, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

async function countRows(ctx: { db: DbHandle["db"]; userId: string }) {
  return withUser(ctx, async (tx) => {
    const r = await tx.execute<{ i: number; c: number; l: number; r: number }>(sql`SELECT
      (SELECT count(*)::int FROM interactions WHERE user_id = ${ctx.userId} AND source = 'gmail') i,
      (SELECT count(*)::int FROM contacts WHERE user_id = ${ctx.userId}) c,
      (SELECT count(*)::int FROM interaction_contacts WHERE user_id = ${ctx.userId}) l,
      (SELECT count(*)::int FROM raw_events WHERE user_id = ${ctx.userId} AND provider = 'gmail') r`);
    return r.rows[0]!;
  });
}

describe("Gmail import", () => {
  it("full sync imports every message, links and creates contacts, then incremental picks up new mail", async () => {
    const { ctx, account } = await connectedUser(h, emu(), {
      mailbox: { messages: 60, includeFixtures: true },
    });
    const expected = (await listedIds(emu(), account)).length;
    emu().control.resetStats();
    const preview = await previewGmail(ctx);
    expect(preview.estimatedTotal).toBe(expected);
    expect(preview.sampleSubjects.length).toBeGreaterThan(0);
    expect(Object.keys(preview.countByLabel)).toContain("INBOX");
    expect((await countRows(ctx)).i).toBe(0); // preview writes nothing but its audit row
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const n = await countRows(ctx);
    expect(n.i).toBe(expected);
    expect(n.r).toBe(expected);
    expect(n.c).toBeGreaterThan(0);
    expect(n.l).toBeGreaterThan(0);
    const batch = await loadBatch(ctx, batchId);
    expect(batch?.status).toBe("done");
    expect(batch?.counts.imported).toBe(expected);

    // The reply fixture (user → Emma) makes Emma a contact under the default "engaged" policy,
    // and both her inbound booking and the reply show on her timeline.
    const emma = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ id: string; display_name: string; stage: string; source: string; n: number }>(sql`
        SELECT c.id, c.display_name, c.stage, c.source, (SELECT count(*)::int FROM interaction_contacts ic WHERE ic.contact_id = c.id) n
        FROM contacts c JOIN contact_identities ci ON ci.contact_id = c.id
        WHERE c.user_id = ${ctx.userId} AND ci.value_normalized = 'emma.johnson@gmail.com'`),
    );
    expect(emma.rows[0]).toMatchObject({
      display_name: "Emma Johnson",
      stage: "Prospect",
      source: "gmail_import",
    });
    expect(emma.rows[0]!.n).toBeGreaterThanOrEqual(2);
    // Never the newsletter or the noreply booking robot.
    const robots = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`SELECT 1 FROM contact_identities WHERE user_id = ${ctx.userId}
        AND value_normalized IN ('noreply@bookwell.com', 'deals@news.lotussupply.com')`),
    );
    expect(robots.rows).toHaveLength(0);

    // Direction from the account's own address.
    const [reply] = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx
        .select()
        .from(interactions)
        .where(
          and(eq(interactions.userId, ctx.userId), eq(interactions.subject, "Re: Booking for next Tuesday")),
        ),
    );
    expect(reply?.direction).toBe("outbound");
    expect(reply?.summary).toContain("Tuesday at 3pm works.");
    expect(reply?.summary).not.toContain("wrote:");

    // Incremental: a new message from Emma arrives and is linked to her.
    emu().control.addMessage(account, {
      from: "Emma Johnson <Emma.Johnson@gmail.com>",
      to: account,
      subject: "Running late",
    });
    await syncGmail(ctx, { batchId: null, incremental: true });
    const after = await countRows(ctx);
    expect(after.i).toBe(expected + 1);
    const stats = emu().control.stats();
    expect(
      stats.byEndpoint["gmail.users.history.list"] ??
        Object.keys(stats.byEndpoint).some((k) => k.includes("history")),
    ).toBeTruthy();
    const [late] = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx
        .execute<{ n: number }>(
          sql`SELECT count(*)::int n FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
        WHERE i.user_id = ${ctx.userId} AND i.subject = 'Running late' AND ic.contact_id = ${emma.rows[0]!.id}::uuid`,
        )
        .then((r) => r.rows),
    );
    expect(late!.n).toBe(1);
    void contacts;
  });

  it("answers not_found when the Gmail flag is off", async () => {
    const { ctx } = await connectedUser(h, emu(), { mailbox: { messages: 5 } });
    process.env.FEATURE_GOOGLE_GMAIL_RO = "0";
    resetEnvCache();
    try {
      await expect(previewGmail(ctx)).rejects.toMatchObject({ code: "not_found" });
      await expect(approveImport(ctx, { service: "gmail" })).rejects.toMatchObject({ code: "not_found" });
    } finally {
      process.env.FEATURE_GOOGLE_GMAIL_RO = "1";
      resetEnvCache();
    }
  });
});
