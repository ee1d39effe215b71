import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { loadBatch } from "./batch-progress";
import { previewCalendar } from "./preview-calendar";
import { syncCalendar } from "./sync-calendar";
import { updateSyncPrefs } from "./sync-prefs";
import { countsFor } from "./testing/counts";
import { connectedUser, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

const inHours = (hours: number) => ({ dateTime: new Date(Date.now() + hours * 3_600_000).toISOString() });

async function linksOf(db: DbHandle["db"], userId: string, eventId: string): Promise<string[]> {
  const r = await withUser({ db, userId }, (tx) =>
    tx.execute<{ email: string }>(sql`SELECT ci.value_normalized email FROM interactions i
      JOIN interaction_contacts ic ON ic.interaction_id = i.id
      JOIN contact_identities ci ON ci.contact_id = ic.contact_id
      WHERE i.user_id = ${userId} AND i.source = 'calendar' AND i.source_id = ${eventId} ORDER BY 1`),
  );
  return r.rows.map((x) => x.email);
}

describe("Calendar import", () => {
  it("imports the window, links a group meeting to every attendee, follows updates and cancellations", async () => {
    const { ctx, account } = await connectedUser(h, emu(), { calendar: { events: 30 } });
    await updateSyncPrefs(ctx, { calendarTimeWindowDays: 365, calendarIncludePrivate: true });
    const group = emu().control.addEvent(account, {
      summary: "Group breathwork",
      start: inHours(24),
      end: inHours(25),
      organizer: { email: account },
      attendees: [
        { email: account, responseStatus: "accepted", organizer: true },
        { email: "Ana.Silva@Gmail.com", displayName: "Ana Silva", responseStatus: "accepted" },
        { email: "ben@clientco.com", displayName: "Ben Okafor" },
        { email: "chloe@example.org", displayName: "Chloé Martin" },
      ],
    });
    const preview = await previewCalendar(ctx);
    expect(preview.count).toBeGreaterThan(0);
    expect(preview.sampleTitles.length).toBeGreaterThan(0);
    expect(preview.newContacts.map((c) => c.email)).toContain("ana.silva@gmail.com");

    const { batchId } = await approveImport(ctx, { service: "calendar" });
    await syncCalendar(ctx, { batchId, incremental: false });
    expect((await loadBatch(ctx, batchId))?.status).toBe("done");
    const first = await countsFor(h.db, ctx.userId, "calendar");
    expect(first.interactions).toBe(preview.count);
    expect(await linksOf(h.db, ctx.userId, group.id!)).toEqual([
      "ana.silva@gmail.com",
      "ben@clientco.com",
      "chloe@example.org",
    ]);

    // Incremental: an update changes the title; a cancellation removes the interaction.
    emu().control.updateEvent(account, group.id!, { summary: "Group breathwork (moved)" });
    await syncCalendar(ctx, { batchId: null, incremental: true });
    const title = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ subject: string }>(
        sql`SELECT subject FROM interactions WHERE user_id = ${ctx.userId} AND source_id = ${group.id!}`,
      ),
    );
    expect(title.rows[0]?.subject).toBe("Group breathwork (moved)");
    emu().control.cancelEvent(account, group.id!);
    await syncCalendar(ctx, { batchId: null, incremental: true });
    expect((await countsFor(h.db, ctx.userId, "calendar")).interactions).toBe(first.interactions - 1);

    // 410 on an expired sync token → full resync, still no duplicates.
    emu().control.expireSyncTokens(account);
    await syncCalendar(ctx, { batchId: null, incremental: true });
    expect((await countsFor(h.db, ctx.userId, "calendar")).interactions).toBe(first.interactions - 1);
  });

  it("honours the private-events preference", async () => {
    const { ctx, account } = await connectedUser(h, emu(), { calendar: { events: 5 } });
    await updateSyncPrefs(ctx, { calendarIncludePrivate: false, calendarTimeWindowDays: 365 });
    const secret = emu().control.addEvent(account, {
      summary: "Private therapy",
      start: inHours(2),
      end: inHours(3),
      visibility: "private",
      organizer: { email: "dr@clinic.example" },
      attendees: [{ email: account }, { email: "dr@clinic.example" }],
    });
    await syncCalendar(ctx, { batchId: null, incremental: false });
    const r = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute(sql`SELECT 1 FROM interactions WHERE user_id = ${ctx.userId} AND source_id = ${secret.id!}`),
    );
    expect(r.rows).toHaveLength(0);
  });
});
