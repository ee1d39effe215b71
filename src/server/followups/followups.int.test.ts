import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import { newUserCtx } from "../contacts/test-ctx";
import type { Ctx } from "../context";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { updateDigestSettings } from "../digest/digest-settings";
import { renderFeed } from "../feeds/render-feed";
import { revokeFeed, rotateFeed } from "../feeds/rotate-feed";
import { logInteraction } from "../interactions/log-interaction";
import { listAtRisk } from "../lifecycle/at-risk";
import { rootLog } from "../log";
import { updateProfile } from "../profile/update-profile";
import { getContactRhythm } from "../rhythms/get-contact-rhythm";
import { setContactRhythm } from "../rhythms/set-contact-rhythm";
import { snoozeContact } from "../rhythms/snooze-contact";
import { updateRhythmSettings } from "../rhythms/update-rhythm-settings";
import { createTag } from "../tags/create-tag";
import { useTestDb } from "../testing/test-db";
import { getToday } from "../today/get-today";
import { createTask } from "../tasks/create-task";
import { deleteTask } from "../tasks/delete-task";
import { getTask } from "../tasks/get-task";
import { listTasks } from "../tasks/list-tasks";
import { quickAddTask } from "../tasks/quick-add-task";
import { updateTask } from "../tasks/update-task";
import { addDays, localToday } from "./local-time";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function seen(ctx: Ctx, contactId: string, days: number, type: "call" | "session" = "call") {
  await logInteraction(ctx, {
    type,
    occurredAt: daysAgo(days),
    subject: `${type} ${days}`,
    contactIds: [contactId],
  });
}

describe("tasks", () => {
  it("creates, reads, edits, completes and deletes; lists by due with filters and keyset pages", async () => {
    const ctx = await newUserCtx(h);
    await updateProfile(ctx, { timeZone: "Europe/London" });
    const ann = await createContact(ctx, { displayName: "Ann Lee" });
    const today = localToday("Europe/London");
    const a = await createTask(ctx, {
      title: "Send stretch PDF",
      due: addDays(today, -1),
      contactIds: [ann.id],
    });
    expect(a).toMatchObject({
      title: "Send stretch PDF",
      due: addDays(today, -1),
      status: "open",
      source: "manual",
    });
    expect(a.contactIds).toEqual([ann.id]);
    const b = await createTask(ctx, { title: "Call back", due: `${addDays(today, 2)}T09:00` });
    expect(b.due).toMatch(/Z$/);
    expect(b.dueDate).toBe(addDays(today, 2));
    const c = await createTask(ctx, { title: "Undated", priority: "high" });
    for (let i = 0; i < 4; i++) await createTask(ctx, { title: `Later ${i}`, due: addDays(today, 10 + i) });

    const all = await listTasks(ctx, { limit: 3 });
    expect(all.items.map((t) => t.title)).toEqual(["Send stretch PDF", "Call back", "Later 0"]);
    const seenIds = new Set(all.items.map((t) => t.id));
    let cursor = all.nextCursor;
    while (cursor) {
      const p = await listTasks(ctx, { limit: 3, cursor });
      p.items.forEach((t) => seenIds.add(t.id));
      cursor = p.nextCursor;
    }
    expect(seenIds.size).toBe(7);
    expect((await listTasks(ctx, { dueBefore: today })).items.map((t) => t.id)).toEqual([a.id]);
    expect((await listTasks(ctx, { contactId: ann.id })).items.map((t) => t.id)).toEqual([a.id]);

    const snoozed = await updateTask(ctx, {
      id: a.id,
      patch: { status: "snoozed", snoozedUntil: addDays(today, 3) },
    });
    expect(snoozed.status).toBe("snoozed");
    expect((await listTasks(ctx, { status: "snoozed" })).items.map((t) => t.id)).toEqual([a.id]);
    expect((await listTasks(ctx, { status: "open" })).items.map((t) => t.id)).not.toContain(a.id);
    await expect(updateTask(ctx, { id: a.id, patch: { status: "snoozed" } })).rejects.toMatchObject({
      code: "invalid_body",
    });
    const done = await updateTask(ctx, { id: b.id, patch: { status: "done", title: "Called back" } });
    expect(done).toMatchObject({ status: "done", title: "Called back" });
    expect(done.completedAt).not.toBeNull();
    expect((await listTasks(ctx, { status: "done" })).items.map((t) => t.id)).toEqual([b.id]);
    expect((await getTask(ctx, { id: c.id })).priority).toBe("high");
    await deleteTask(ctx, { id: c.id });
    await expect(getTask(ctx, { id: c.id })).rejects.toMatchObject({ code: "not_found" });

    // Another user sees none of it and cannot link this user's contacts.
    const other = await newUserCtx(h);
    expect((await listTasks(other, {})).items).toEqual([]);
    await expect(getTask(other, { id: a.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createTask(other, { title: "x", contactIds: [ann.id] })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("completing a recurring task creates the next occurrence once", async () => {
    const ctx = await newUserCtx(h);
    const t = await createTask(ctx, { title: "Weekly plan", due: "2030-01-07", rrule: "FREQ=WEEKLY" });
    await updateTask(ctx, { id: t.id, patch: { status: "done" } });
    await updateTask(ctx, { id: t.id, patch: { status: "open" } });
    await updateTask(ctx, { id: t.id, patch: { status: "done" } });
    const open = await listTasks(ctx, { status: "open" });
    expect(open.items.map((x) => [x.title, x.due, x.rrule])).toEqual([
      ["Weekly plan", "2030-01-14", "FREQ=WEEKLY"],
    ]);
  });

  it("quick add reads words in the user's zone", async () => {
    const ctx = await newUserCtx(h);
    await updateProfile(ctx, { timeZone: "America/New_York" });
    const t = await quickAddTask(ctx, { text: "Email Sam the plan in 2 weeks" });
    expect(t.title).toBe("Email Sam the plan");
    expect(t.due).toBe(addDays(localToday("America/New_York"), 14));
  });
});

describe("keep-in-touch rhythms and Today", () => {
  it("a contact is due when quiet longer than its rhythm; a new interaction resets it; snooze and overrides apply", async () => {
    const ctx = await newUserCtx(h);
    const vip = await createTag(ctx, { name: "VIP" });
    const core = await createContact(ctx, { displayName: "Cora Core", stage: "Core Client" });
    const tagged = await createContact(ctx, {
      displayName: "Tina Tagged",
      stage: "Prospect",
      tagIds: [vip.id],
    });
    const fresh = await createContact(ctx, { displayName: "Fred Fresh", stage: "Core Client" });
    const own = await createContact(ctx, { displayName: "Olga Own", stage: "Prospect" });
    await seen(ctx, core.id, 30);
    await seen(ctx, tagged.id, 20);
    await seen(ctx, fresh.id, 3);
    await seen(ctx, own.id, 5);
    expect((await getToday(ctx)).dueContacts).toEqual([]); // no rhythms yet: nobody is due

    await updateRhythmSettings(ctx, {
      stages: [{ stage: "Core Client", everyDays: 21 }],
      tags: [{ tagId: vip.id, everyDays: 14 }],
    });
    await setContactRhythm(ctx, { contactId: own.id, body: { everyDays: 4 } });
    const today = await getToday(ctx);
    expect(today.dueContacts.map((d) => [d.displayName, d.everyDays, d.why.kind])).toEqual([
      ["Cora Core", 21, "stage"],
      ["Tina Tagged", 14, "tag"],
      ["Olga Own", 4, "contact"],
    ]);
    expect(today.dueContacts[0]).toMatchObject({ contactId: core.id, daysSince: 30, overdueDays: 9 });
    expect(today.dueContacts[0]!.lastInteractionAt).not.toBeNull();

    // Any new interaction resets the rhythm: nothing to tick off.
    await seen(ctx, core.id, 0, "session");
    await snoozeContact(ctx, { contactId: tagged.id, body: { days: 3 } });
    await setContactRhythm(ctx, { contactId: own.id, body: { everyDays: 0 } });
    expect((await getToday(ctx)).dueContacts).toEqual([]);
    const r = await getContactRhythm(ctx, { contactId: tagged.id });
    expect(r).toMatchObject({ everyDays: null, effectiveDays: 14, why: { kind: "tag", name: "VIP" } });
    expect(r.snoozedUntil).not.toBeNull();
    await setContactRhythm(ctx, { contactId: own.id, body: { everyDays: null } });
    expect((await getContactRhythm(ctx, { contactId: own.id })).effectiveDays).toBeNull();

    const other = await newUserCtx(h);
    await expect(
      setContactRhythm(other, { contactId: core.id, body: { everyDays: 3 } }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("Today lists due tasks, today's sessions with context, and birthdays ahead", async () => {
    const ctx = await newUserCtx(h);
    const tz = "UTC";
    const day = localToday(tz);
    const bday = `1990-${addDays(day, 3).slice(5)}`;
    const ann = await createContact(ctx, { displayName: "Ann Birthday", birthday: bday });
    await createTask(ctx, { title: "Overdue", due: addDays(day, -2) });
    await createTask(ctx, { title: "Later", due: addDays(day, 5) });
    const later = new Date(Date.now() + 60_000);
    if (later.toISOString().slice(0, 10) === day)
      await logInteraction(ctx, {
        type: "session",
        occurredAt: later.toISOString(),
        subject: "Massage",
        contactIds: [ann.id],
      });
    const t = await getToday(ctx);
    expect(t.hasData).toBe(true);
    expect(t.tasks.map((x) => x.title)).toEqual(["Overdue"]);
    expect(t.birthdays).toEqual([
      expect.objectContaining({
        contactId: ann.id,
        kind: "birthday",
        inDays: 3,
        years: Number(addDays(day, 3).slice(0, 4)) - 1990,
      }),
    ]);
    if (later.toISOString().slice(0, 10) === day)
      expect(t.sessions[0]).toMatchObject({
        title: "Massage",
        contacts: [{ id: ann.id, displayName: "Ann Birthday" }],
      });
    expect((await getToday(await newUserCtx(h))).hasData).toBe(false);
  });

  it("client anniversaries: a year or more since the first session, N days ahead, prospects left out", async () => {
    const ctx = await newUserCtx(h);
    const day = localToday("UTC");
    const on = addDays(day, 2);
    const firstSession = `${Number(on.slice(0, 4)) - 2}${on.slice(4)}T12:00:00.000Z`;
    const client = await createContact(ctx, { displayName: "Cleo Client", stage: "Core Client" });
    const prospect = await createContact(ctx, { displayName: "Pat Prospect", stage: "Prospect" });
    for (const c of [client, prospect])
      await logInteraction(ctx, { type: "session", occurredAt: firstSession, contactIds: [c.id] });
    await logInteraction(ctx, { type: "session", occurredAt: daysAgo(3), contactIds: [client.id] });
    const t = await getToday(ctx);
    expect(t.birthdays).toEqual([
      {
        contactId: client.id,
        displayName: "Cleo Client",
        kind: "anniversary",
        date: on,
        inDays: 2,
        years: 2,
      },
    ]);
    // Outside the window the user set, nothing.
    await updateDigestSettings(ctx, { birthdaysAheadDays: 1 });
    expect((await getToday(ctx)).birthdays).toEqual([]);
  });

  it("At Risk derives from rhythms (overdue by more than the margin) and falls back to the global threshold", async () => {
    const ctx = await newUserCtx(h);
    const a = await createContact(ctx, { displayName: "Regular A", stage: "Core Client" });
    const b = await createContact(ctx, { displayName: "Regular B", stage: "VIP Client" });
    for (const d of [30, 40, 50]) await seen(ctx, a.id, d);
    for (const d of [30, 40, 50]) await seen(ctx, b.id, d);
    expect((await listAtRisk(ctx)).items).toEqual([]); // 30 days < 45 without rhythms
    await updateRhythmSettings(ctx, {
      stages: [{ stage: "Core Client", everyDays: 14 }],
      tags: [],
      atRiskMarginDays: 10,
    });
    // Core: 30 days quiet > 14 + 10 → at risk. VIP has no rhythm: still the 45-day rule.
    expect((await listAtRisk(ctx)).items.map((i) => i.contact.id)).toEqual([a.id]);
    await updateRhythmSettings(ctx, {
      stages: [{ stage: "Core Client", everyDays: 14 }],
      tags: [],
      atRiskMarginDays: 20,
    });
    expect((await listAtRisk(ctx)).items).toEqual([]);
  });
});

describe("calendar feed", () => {
  it("serves tasks and follow-ups through a secret token; rotating or revoking makes the old URL 404", async () => {
    const ctx = await newUserCtx(h);
    const sys = { db: h.db, log: rootLog() };
    const c = await createContact(ctx, { displayName: "Quiet Quinn" });
    await seen(ctx, c.id, 10);
    await setContactRhythm(ctx, { contactId: c.id, body: { everyDays: 7 } });
    await createTask(ctx, { title: "Prepare retreat flyer", due: "2031-05-02" });
    await createTask(ctx, { title: "Call Quinn", due: "2031-05-03T09:30:00Z", rrule: "FREQ=WEEKLY" });
    const { url } = await rotateFeed(ctx, { origin: "https://crm.example" });
    expect(url).toMatch(/^https:\/\/crm\.example\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(url).not.toContain(ctx.userId);
    const token = url.split("/").pop()!;
    const ics = await renderFeed(sys, { token, origin: "https://crm.example" });
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Prepare retreat flyer");
    expect(ics).toContain("DTSTART;VALUE=DATE:20310502");
    expect(ics).toContain("DTSTART:20310503T093000Z");
    expect(ics).toContain("RRULE:FREQ=WEEKLY");
    expect(ics).toContain("SUMMARY:Check in with Quiet Quinn");

    const next = await rotateFeed(ctx, { origin: "https://crm.example" });
    await expect(renderFeed(sys, { token, origin: "x" })).rejects.toMatchObject({ code: "not_found" });
    const nextToken = next.url.split("/").pop()!;
    expect(await renderFeed(sys, { token: nextToken, origin: "x" })).toContain("BEGIN:VCALENDAR");
    await revokeFeed(ctx);
    await expect(renderFeed(sys, { token: nextToken, origin: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(renderFeed(sys, { token: "not-a-token", origin: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    const rows = await withUser(ctx, (tx) => tx.execute(sql`SELECT token_sha256 FROM calendar_feeds`));
    expect(rows.rows).toEqual([]);
  });
});
