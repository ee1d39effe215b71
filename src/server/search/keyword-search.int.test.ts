import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { deleteContact } from "../contacts/delete-contact";
import { createNote } from "../notes/create-note";
import { logInteraction } from "../interactions/log-interaction";
import { keywordSearch } from "./keyword-search";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("keyword search", () => {
  it("finds contacts by name (with typos), email and phone, notes and interaction subjects", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, {
      displayName: "Priya Raman",
      emails: [{ value: "priya@studio.example" }],
      phones: [{ value: "+1 555 867 5309" }],
    });
    const other = await createContact(ctx, { displayName: "Tom Baker" });
    await createNote(ctx, {
      contactId: other.id,
      body: "Prefers deep tissue; lower back pain after marathon",
    });
    await logInteraction(ctx, {
      type: "session",
      occurredAt: new Date().toISOString(),
      subject: "Prenatal yoga private session",
      contactIds: [c.id],
    });

    const top = async (q: string) => (await keywordSearch(ctx, { q })).hits[0];
    expect(await top("priya")).toMatchObject({
      type: "contact",
      id: c.id,
      contactId: c.id,
      title: "Priya Raman",
    });
    expect(await top("Priay Raman")).toMatchObject({ type: "contact", id: c.id });
    expect(await top("studio.example")).toMatchObject({ type: "contact", id: c.id });
    expect(await top("8675309")).toMatchObject({ type: "contact", id: c.id });
    const note = await top("marath");
    expect(note).toMatchObject({ type: "note", contactId: other.id, contactName: "Tom Baker" });
    expect(note?.snippet).toContain("marathon");
    expect(await top("prenatal")).toMatchObject({ type: "interaction", contactId: c.id });
    expect((await keywordSearch(ctx, { q: "prenatal", types: ["note"] })).hits).toEqual([]);
  });

  it("never returns another user's rows or deleted contacts", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const c = await createContact(a, { displayName: "Zanzibar Quill" });
    await createNote(a, { contactId: c.id, body: "zanzibar retreat" });
    expect((await keywordSearch(b, { q: "zanzibar" })).hits).toEqual([]);
    expect((await keywordSearch(a, { q: "zanzibar" })).hits.length).toBe(2);
    await deleteContact(a, { id: c.id });
    expect((await keywordSearch(a, { q: "zanzibar" })).hits).toEqual([]);
  });

  it("filters by any single type or pair of types (the first UNION arm names the columns)", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Juniper Okafor" });
    await createNote(ctx, { contactId: c.id, body: "juniper oil for the shoulder" });
    await logInteraction(ctx, {
      type: "call",
      occurredAt: new Date().toISOString(),
      subject: "Juniper follow-up call",
      contactIds: [c.id],
    });
    const kinds = async (types: ("contact" | "note" | "interaction")[]) =>
      [...new Set((await keywordSearch(ctx, { q: "juniper", types })).hits.map((x) => x.type))].sort();
    expect(await kinds(["contact"])).toEqual(["contact"]);
    expect(await kinds(["note"])).toEqual(["note"]);
    expect(await kinds(["interaction"])).toEqual(["interaction"]);
    expect(await kinds(["note", "interaction"])).toEqual(["interaction", "note"]);
    expect(await kinds(["contact", "interaction"])).toEqual(["contact", "interaction"]);
  });
});
