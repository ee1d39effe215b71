import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../context";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { setAiModelsForTests } from "../ai/provider";
import { addContact, addInteraction, newUserCtx } from "../ai/testing/fixtures";
import { mockAi, textResult } from "../ai/testing/mock-ai";
import { createNote } from "../notes/create-note";
import { updateNote } from "../notes/update-note";
import { updateProfile } from "../profile/update-profile";
import { getTask } from "../tasks/get-task";
import { useTestDb } from "../testing/test-db";
import { acceptTaskSuggestion } from "./accept-task-suggestion";
import { dismissTaskSuggestion } from "./dismiss-task-suggestion";
import { enqueuePromiseScans } from "./enqueue-promise-scans";
import { listTaskSuggestions } from "./list-task-suggestions";
import { scanPromises } from "./scan-promises";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterEach(() => setAiModelsForTests(undefined));

/** An email the user sent `daysAgo` days ago (noon UTC), linked to `contactId`. */
async function sent(ctx: Ctx, contactId: string, body: string, at: string): Promise<string> {
  const id = await addInteraction(h, ctx.userId, contactId, { subject: "Re: stretches", body });
  await withUser(ctx, (tx) =>
    tx.execute(
      sql`UPDATE interactions SET direction = 'outbound', occurred_at = ${at}::timestamptz WHERE id = ${id}`,
    ),
  );
  return id;
}

async function jobsOf(ctx: Ctx, kind: string) {
  const r = await withUser(ctx, (tx) =>
    tx.execute<{ payload: { ownerType: string; ownerIds: string[] } }>(
      sql`SELECT payload FROM jobs WHERE kind = ${kind} ORDER BY created_at`,
    ),
  );
  return r.rows.map((x) => x.payload);
}

const promises = (list: { source: number; title: string; due: string | null; quote: string }[]) =>
  textResult(JSON.stringify({ promises: list }));

describe("promises found in mail and notes", () => {
  it("does nothing without AI, and says how to turn it on", async () => {
    setAiModelsForTests(null);
    const ctx = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Ann Lee" });
    const mail = await sent(ctx, c, "I'll send you the PDF by Friday.", new Date().toISOString());
    expect(await enqueuePromiseScans(ctx, "interaction", [mail])).toBe(0);
    await createNote(ctx, { contactId: c, body: "Will call her tomorrow" });
    expect(await jobsOf(ctx, "scan_promises")).toEqual([]);
    expect(await scanPromises(ctx, { ownerType: "interaction", ownerIds: [mail] })).toMatchObject({
      skipped: "no_provider",
    });
    const list = await listTaskSuggestions(ctx);
    expect(list).toMatchObject({ aiConfigured: false, items: [] });
    expect(list.hint).toContain("AI_PROVIDER");
  });

  it("turns a promise in sent mail into one suggestion, due as written, linked to its source", async () => {
    const ctx = await newUserCtx(h);
    await updateProfile(ctx, { timeZone: "Europe/London" });
    const ann = await addContact(h, ctx.userId, { name: "Ann Lee" });
    // Wednesday 2026-12-02: "by Friday" is Friday 2026-12-04.
    const writtenAt = new Date(Date.now() - 2 * 86_400_000);
    const mail = await sent(
      ctx,
      ann,
      "Great session! I'll send you the stretch PDF by Friday.",
      writtenAt.toISOString(),
    );
    const inbound = await addInteraction(h, ctx.userId, ann, {
      body: "Please also send me your invoice by Monday",
    });
    const m = mockAi([
      promises([
        {
          source: 1,
          title: "Send Ann the stretch PDF",
          due: "by Friday",
          quote: "I'll send you the stretch PDF by Friday.",
        },
      ]),
    ]);
    setAiModelsForTests(m.models);
    // Only the user's own recent outgoing mail is queued, never what others wrote.
    expect(await enqueuePromiseScans(ctx, "interaction", [mail, inbound])).toBe(1);
    expect(await jobsOf(ctx, "scan_promises")).toEqual([{ ownerType: "interaction", ownerIds: [mail] }]);

    const r = await scanPromises(ctx, { ownerType: "interaction", ownerIds: [mail, inbound] });
    expect(r).toEqual({ scanned: 1, suggested: 1 });
    const seen = JSON.stringify(m.chat.doGenerateCalls[0]?.prompt);
    expect(seen).toContain("stretch PDF");
    expect(seen).not.toContain("invoice");
    expect(seen).toContain('<untrusted source=\\"email\\">');

    const list = await listTaskSuggestions(ctx);
    expect(list.aiConfigured).toBe(true);
    expect(list.items).toHaveLength(1);
    const s = list.items[0]!;
    const friday = new Date(writtenAt);
    while (friday.getUTCDay() !== 5) friday.setUTCDate(friday.getUTCDate() + 1);
    expect(s).toMatchObject({
      title: "Send Ann the stretch PDF",
      due: friday.toISOString().slice(0, 10),
      source: "email",
      sourceRef: `interaction:${mail}`,
      sourceHref: `/contacts/${ann}?interaction=${mail}`,
      contact: { id: ann, displayName: "Ann Lee" },
      status: "suggested",
    });

    // The same text is never sent to the model twice; a re-delivered job adds nothing.
    expect(await scanPromises(ctx, { ownerType: "interaction", ownerIds: [mail] })).toMatchObject({
      skipped: "nothing_new",
    });
    expect(m.chat.doGenerateCalls).toHaveLength(1);
    expect((await listTaskSuggestions(ctx)).items).toHaveLength(1);

    // Accepting makes a task that remembers where it came from; a second accept changes nothing.
    const other = await newUserCtx(h);
    await expect(acceptTaskSuggestion(other, s.id)).rejects.toMatchObject({ code: "not_found" });
    const { task } = await acceptTaskSuggestion(ctx, s.id);
    expect(await getTask(ctx, { id: task.id })).toMatchObject({
      title: "Send Ann the stretch PDF",
      due: s.due,
      source: "email",
      sourceRef: `interaction:${mail}`,
      contactIds: [ann],
      status: "open",
    });
    await expect(acceptTaskSuggestion(ctx, s.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await listTaskSuggestions(ctx)).items).toEqual([]);
  });

  it("scans notes when written and edited; a dismissed promise does not come back", async () => {
    const ctx = await newUserCtx(h);
    const bo = await addContact(h, ctx.userId, { name: "Bo Diaz" });
    const found = () =>
      promises([
        { source: 1, title: "Call Bo about the knee", due: null, quote: "Will call Bo about the knee." },
      ]);
    const m = mockAi([found(), found()]);
    setAiModelsForTests(m.models);
    const note = await createNote(ctx, { contactId: bo, body: "Knee better. Will call Bo about the knee." });
    expect(await jobsOf(ctx, "scan_promises")).toEqual([{ ownerType: "note", ownerIds: [note.id] }]);
    expect(await scanPromises(ctx, { ownerType: "note", ownerIds: [note.id] })).toEqual({
      scanned: 1,
      suggested: 1,
    });
    const [s] = (await listTaskSuggestions(ctx)).items;
    expect(s).toMatchObject({ source: "note", sourceRef: `note:${note.id}`, due: null, contact: { id: bo } });
    expect((await dismissTaskSuggestion(ctx, s!.id)).status).toBe("dismissed");

    await updateNote(ctx, { id: note.id, patch: { body: "Knee better!! Will call Bo about the knee." } });
    expect(await jobsOf(ctx, "scan_promises")).toHaveLength(2);
    // The edited text is scanned again (one more model call) but the same promise is not re-suggested.
    expect(await scanPromises(ctx, { ownerType: "note", ownerIds: [note.id] })).toEqual({
      scanned: 1,
      suggested: 0,
    });
    expect(m.chat.doGenerateCalls).toHaveLength(2);
    expect((await listTaskSuggestions(ctx)).items).toEqual([]);
  });

  it("keeps each user's suggestions to themselves (forced RLS)", async () => {
    const ctx = await newUserCtx(h);
    const other = await newUserCtx(h);
    const c = await addContact(h, ctx.userId, { name: "Cy Moss" });
    setAiModelsForTests(
      mockAi([promises([{ source: 1, title: "Book Cy in", due: null, quote: "I'll book you in." }])]).models,
    );
    const note = await createNote(ctx, { contactId: c, body: "I'll book you in." });
    await scanPromises(ctx, { ownerType: "note", ownerIds: [note.id] });
    const [s] = (await listTaskSuggestions(ctx)).items;
    expect((await listTaskSuggestions(other)).items).toEqual([]);
    await expect(dismissTaskSuggestion(other, s!.id)).rejects.toMatchObject({ code: "not_found" });
    // Even a query that forgets the user filter sees nothing of another user's.
    const leak = await withUser(other, (tx) =>
      tx.execute(sql`SELECT id FROM task_suggestions UNION ALL SELECT user_id FROM promise_scans`),
    );
    expect(leak.rows).toEqual([]);
  });
});
