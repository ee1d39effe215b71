import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { updateContact } from "../contacts/update-contact";
import { getContactActivity } from "../contacts/get-contact-activity";
import { updateProfile } from "../profile/update-profile";
import { useTestDb } from "../testing/test-db";
import { getDashboardCharts } from "./get-dashboard-charts";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

// Instants relative to the user's local calendar ("the start of the month 3 months ago, plus
// a day"), so the tests hold whenever they run.
const monthStart = (tz: string, back: number, plus: string) =>
  sql.raw(
    `((date_trunc('month', now() AT TIME ZONE '${tz}') - interval '${back} months' + interval '${plus}') AT TIME ZONE '${tz}')`,
  );
const weekStart = (tz: string, back: number, plus: string) =>
  sql.raw(
    `((date_trunc('week', now() AT TIME ZONE '${tz}') - interval '${back} weeks' + interval '${plus}') AT TIME ZONE '${tz}')`,
  );

describe("dashboard charts", () => {
  it("counts clients by the stage they had at each month's end, live contacts only", async () => {
    const ctx = await newUserCtx(h);
    const tz = "America/New_York";
    await updateProfile(ctx, { timeZone: tz });
    const kept = await createContact(ctx, { displayName: "Kept" });
    const gone = await createContact(ctx, { displayName: "Gone" });
    await withUser(ctx, async (tx) => {
      await tx.execute(
        sql`UPDATE contacts SET created_at = ${monthStart(tz, 3, "1 day")} WHERE id IN (${kept.id}, ${gone.id})`,
      );
      await tx.execute(
        sql`UPDATE contacts SET deleted_at = ${monthStart(tz, 2, "1 day")} WHERE id = ${gone.id}`,
      );
      await tx.execute(
        sql`UPDATE contact_stage_history SET changed_at = ${monthStart(tz, 3, "1 day")} WHERE contact_id IN (${kept.id}, ${gone.id})`,
      );
    });
    await updateContact(ctx, { id: kept.id, patch: { stage: "Core Client" } });
    await withUser(ctx, (tx) =>
      tx.execute(sql`UPDATE contact_stage_history SET changed_at = ${monthStart(tz, 1, "2 days")}
        WHERE contact_id = ${kept.id} AND stage = 'Core Client'`),
    );
    const r = await getDashboardCharts(ctx);
    expect(r.timeZone).toBe(tz);
    const by = r.stagesByMonth.map((m) => [m.counts.Prospect, m.counts["Core Client"]]);
    expect(by).toEqual([
      [0, 0],
      [0, 0],
      [2, 0], // both exist, both Prospect
      [1, 0], // "Gone" deleted during this month
      [0, 1], // "Kept" became a Core Client
      [0, 1],
    ]);
    expect(r.newContactsByMonth.map((m) => m.contacts)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("counts sessions per local week: Sunday 23:30 in New York is not next week", async () => {
    const ctx = await newUserCtx(h);
    const tz = "America/New_York";
    await updateProfile(ctx, { timeZone: tz });
    const c = await createContact(ctx, { displayName: "Client" });
    await withUser(ctx, async (tx) => {
      for (const [at, type] of [
        [weekStart(tz, 8, "30 minutes"), "session"], // Monday 00:30 local, week -8
        [weekStart(tz, 8, "-30 minutes"), "meeting"], // Sunday 23:30 local (Monday in UTC), week -9
        [weekStart(tz, 8, "2 hours"), "email"], // not a session
      ] as const) {
        const i = await tx.execute<{
          id: string;
        }>(sql`INSERT INTO interactions (user_id, type, source, source_id, occurred_at)
          VALUES (${ctx.userId}, ${type}, 'manual', gen_random_uuid()::text, ${at}) RETURNING id`);
        await tx.execute(sql`INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
          VALUES (${ctx.userId}, ${i.rows[0]!.id}, ${c.id}, ${at})`);
      }
    });
    const r = await getDashboardCharts(ctx);
    expect(r.sessionsByWeek).toHaveLength(12);
    const counts = r.sessionsByWeek.map((w) => w.sessions);
    expect(counts[11 - 8]).toBe(1);
    expect(counts[11 - 9]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(r.sessionsByWeek.every((w) => new Date(`${w.weekStart}T12:00:00Z`).getUTCDay() === 1)).toBe(true);

    const activity = await getContactActivity(ctx, { id: c.id });
    const weeks = activity.weeks.map((w) => w.count);
    expect(weeks[11 - 8]).toBe(2); // the session and the email
    expect(weeks[11 - 9]).toBe(1);
    const other = await newUserCtx(h);
    await expect(getContactActivity(other, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
