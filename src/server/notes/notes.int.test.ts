import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { updateCrmSettings } from "../crm-settings/crm-settings";
import { createNote } from "./create-note";
import { deleteNote } from "./delete-note";
import { getNote } from "./get-note";
import { listNotes } from "./list-notes";
import { updateNote } from "./update-note";
import { CARD_MASK } from "./redact";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("notes", () => {
  it("creates, pins, edits and deletes; pinned notes list first", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "N" });
    const a = await createNote(ctx, { contactId: c.id, body: "# First\n- tight hamstrings" });
    const b = await createNote(ctx, { contactId: c.id, body: "second" });
    await updateNote(ctx, { id: a.id, patch: { pinned: true } });
    const list = await listNotes(ctx, { contactId: c.id });
    expect(list.items.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(list.items[0]?.body).toBe("# First\n- tight hamstrings");
    const edited = await updateNote(ctx, { id: b.id, patch: { body: "second, edited" } });
    expect(edited.body).toBe("second, edited");
    await deleteNote(ctx, { id: b.id });
    await expect(getNote(ctx, { id: b.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("redacts card numbers on request or by the user's setting", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "R" });
    const plain = await createNote(ctx, { contactId: c.id, body: "card 4111 1111 1111 1111" });
    expect(plain.body).toContain("4111");
    const asked = await createNote(ctx, { contactId: c.id, body: "card 4111 1111 1111 1111", redact: true });
    expect(asked.body).toBe(`card ${CARD_MASK}`);
    expect(asked.redactions).toBe(1);
    await updateCrmSettings(ctx, { redactNotes: true });
    const bySetting = await createNote(ctx, { contactId: c.id, body: "4111111111111111" });
    expect(bySetting.body).toBe(CARD_MASK);
  });

  it("hides notes from other users (404) and rejects empty bodies", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const c = await createContact(a, { displayName: "Mine" });
    const n = await createNote(a, { contactId: c.id, body: "secret" });
    await expect(getNote(b, { id: n.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateNote(b, { id: n.id, patch: { body: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteNote(b, { id: n.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listNotes(b, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createNote(b, { contactId: c.id, body: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createNote(a, { contactId: c.id, body: "   " })).rejects.toThrow();
  });
});
