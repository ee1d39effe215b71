import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "./test-ctx";
import { createContact } from "./create-contact";
import { getContact } from "./get-contact";
import { listContacts } from "./list-contacts";
import { restoreContact } from "./delete-contact";
import { findDuplicates } from "./find-duplicates";
import { mergeContacts } from "./merge-contacts";
import { undoMerge } from "./undo-merge";
import { createNote } from "../notes/create-note";
import { listNotes } from "../notes/list-notes";
import { createTag } from "../tags/create-tag";
import { logInteraction } from "../interactions/log-interaction";
import { getTimeline } from "../interactions/get-timeline";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("duplicates and merge", () => {
  it("finds duplicates by canonical email, phone suffix and similar name", async () => {
    const ctx = await newUserCtx(h);
    const a = await createContact(ctx, {
      displayName: "Jane Doe",
      emails: [{ value: "jane.doe@gmail.com" }],
    });
    const b = await createContact(ctx, {
      displayName: "J. Doe",
      emails: [{ value: "janedoe+yoga@gmail.com" }],
    });
    const c = await createContact(ctx, { displayName: "Carl Phone", phones: [{ value: "+44 7700 900123" }] });
    const d = await createContact(ctx, { displayName: "Carl P", phones: [{ value: "07700 900123" }] });
    const e = await createContact(ctx, { displayName: "Jonathan Smithers" });
    const f = await createContact(ctx, { displayName: "Jonathon Smithers" });
    await createContact(ctx, { displayName: "Unrelated Person" });
    const { items } = await findDuplicates(ctx, {});
    const key = (x: string, y: string) => [x, y].sort().join();
    const found = new Map(items.map((p) => [key(p.a.id, p.b.id), p.reasons]));
    expect(found.get(key(a.id, b.id))).toContain("same_email");
    expect(found.get(key(c.id, d.id))).toContain("same_phone");
    expect(found.get(key(e.id, f.id))).toContain("similar_name");
    expect(items).toHaveLength(3);
    const one = await findDuplicates(ctx, { contactId: e.id });
    expect(one.items.map((p) => [p.a.id, p.b.id])).toEqual([[e.id, f.id]]);
  });

  it("merges everything into the survivor and undoes it exactly", async () => {
    const ctx = await newUserCtx(h);
    const tag = await createTag(ctx, { name: "Massage" });
    const s = await createContact(ctx, { displayName: "Sam Lee", emails: [{ value: "sam@x.org" }] });
    const m = await createContact(ctx, {
      displayName: "Samuel Lee",
      emails: [{ value: "samuel@y.org" }],
      address: "2 Side St",
      tagIds: [tag.id],
    });
    await createNote(ctx, { contactId: m.id, body: "from merged" });
    await logInteraction(ctx, {
      type: "call",
      occurredAt: new Date().toISOString(),
      subject: "intro",
      contactIds: [m.id],
    });

    const { mergeId, survivor } = await mergeContacts(ctx, { survivorId: s.id, mergedId: m.id });
    expect(survivor.emails.map((e) => e.value).sort()).toEqual(["sam@x.org", "samuel@y.org"]);
    expect(survivor.primaryEmail).toBe("sam@x.org");
    expect(survivor.address).toBe("2 Side St");
    expect(survivor.tags.map((t) => t.name)).toEqual(["Massage"]);
    expect(survivor.lastInteractionAt).not.toBeNull();
    expect((await listNotes(ctx, { contactId: s.id })).items).toHaveLength(1);
    expect((await getTimeline(ctx, { contactId: s.id })).items).toHaveLength(2);
    expect((await listContacts(ctx, {})).items.map((c) => c.id)).toEqual([s.id]);
    await expect(restoreContact(ctx, { id: m.id })).rejects.toMatchObject({ code: "conflict" });

    const undone = await undoMerge(ctx, { mergeId });
    expect(undone.restored.emails.map((e) => e.value)).toEqual(["samuel@y.org"]);
    expect(undone.restored.primaryEmail).toBe("samuel@y.org");
    expect(undone.restored.tags).toHaveLength(1);
    expect(undone.survivor.tags).toHaveLength(0);
    expect(undone.survivor.address).toBeNull();
    expect(undone.survivor.lastInteractionAt).toBeNull();
    expect((await listNotes(ctx, { contactId: m.id })).items).toHaveLength(1);
    expect((await getTimeline(ctx, { contactId: m.id })).items).toHaveLength(2);
    expect((await getContact(ctx, { id: m.id })).deletedAt).toBeNull();
    await expect(undoMerge(ctx, { mergeId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses cross-user merges and self merges", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const mine = await createContact(a, { displayName: "Mine" });
    const theirs = await createContact(b, { displayName: "Theirs" });
    await expect(mergeContacts(a, { survivorId: mine.id, mergedId: theirs.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(mergeContacts(a, { survivorId: mine.id, mergedId: mine.id })).rejects.toMatchObject({
      code: "invalid_body",
    });
    const other = await createContact(a, { displayName: "Other" });
    const { mergeId } = await mergeContacts(a, { survivorId: mine.id, mergedId: other.id });
    await expect(undoMerge(b, { mergeId })).rejects.toMatchObject({ code: "not_found" });
    expect((await findDuplicates(b, {})).items).toEqual([]);
  });
});
