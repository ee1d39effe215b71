import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import type { Ctx } from "../context";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import { logInteraction } from "../interactions/log-interaction";
import { createNote } from "../notes/create-note";
import { applyAtRisk, listAtRisk } from "./at-risk";
import { getDashboard } from "../dashboard/get-dashboard";
import { getCrmSettings, updateCrmSettings } from "../crm-settings/crm-settings";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const daysAgo = (d: number) => new Date(Date.now() - d * 86400e3).toISOString();
async function sessions(ctx: Ctx, contactId: string, days: number[]) {
  for (const d of days)
    await logInteraction(ctx, {
      type: "session",
      occurredAt: daysAgo(d),
      subject: `s${d}`,
      contactIds: [contactId],
    });
}

describe("lifecycle", () => {
  it("suggests At Risk only for regular clients gone quiet, honours the setting, applies", async () => {
    const ctx = await newUserCtx(h);
    const regular = await createContact(ctx, { displayName: "Regular", stage: "Core Client" });
    const sporadic = await createContact(ctx, { displayName: "Sporadic", stage: "Core Client" });
    const prospect = await createContact(ctx, { displayName: "Prospect", stage: "Prospect" });
    const recent = await createContact(ctx, { displayName: "Recent", stage: "VIP Client" });
    await sessions(ctx, regular.id, [50, 60, 80]);
    await sessions(ctx, sporadic.id, [50, 200]);
    await sessions(ctx, prospect.id, [50, 60, 80]);
    await sessions(ctx, recent.id, [10, 20, 30]);
    const list = await listAtRisk(ctx);
    expect(list.atRiskDays).toBe(45);
    expect(list.items.map((i) => i.contact.id)).toEqual([regular.id]);
    expect(list.items[0]).toMatchObject({ daysSinceLastInteraction: 50, interactionsInWindow: 3 });

    await updateCrmSettings(ctx, { atRiskDays: 60 });
    expect((await getCrmSettings(ctx)).atRiskDays).toBe(60);
    expect((await listAtRisk(ctx)).items).toEqual([]);
    await updateCrmSettings(ctx, { atRiskDays: 7 });
    expect((await listAtRisk(ctx)).items.map((i) => i.contact.id).sort()).toEqual(
      [recent.id, regular.id].sort(),
    );
    await expect(updateCrmSettings(ctx, { atRiskDays: 0 })).rejects.toThrow();

    expect(await applyAtRisk(ctx, { ids: [regular.id, prospect.id] })).toEqual({ updated: [regular.id] });
    expect((await getContact(ctx, { id: regular.id })).stage).toBe("At Risk Client");
    expect((await getContact(ctx, { id: prospect.id })).stage).toBe("Prospect");

    const other = await newUserCtx(h);
    expect((await listAtRisk(other)).items).toEqual([]);
    expect(await applyAtRisk(other, { ids: [recent.id] })).toEqual({ updated: [] });
    expect((await getContact(ctx, { id: recent.id })).stage).toBe("VIP Client");
  });

  it("summarises the dashboard for the caller only", async () => {
    const ctx = await newUserCtx(h);
    const a = await createContact(ctx, { displayName: "A", stage: "VIP Client" });
    await createContact(ctx, { displayName: "B" });
    await logInteraction(ctx, {
      type: "call",
      occurredAt: daysAgo(1),
      subject: "check-in",
      contactIds: [a.id],
    });
    await createNote(ctx, { contactId: a.id, body: "note now" });
    const d = await getDashboard(ctx);
    expect(d.totalContacts).toBe(2);
    expect(d.countsByStage).toMatchObject({ "VIP Client": 1, Prospect: 1, "Lost Client": 0 });
    expect(d.recentActivity.map((x) => x.title)).toEqual(["note now", "check-in"]);
    expect(d.recentContacts).toHaveLength(2);
    const empty = await getDashboard(await newUserCtx(h));
    expect(empty.totalContacts).toBe(0);
    expect(empty.recentActivity).toEqual([]);
  });
});
