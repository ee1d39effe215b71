import { beforeAll, describe, expect, it } from "vitest";
import { getTableName } from "drizzle-orm";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import type { Ctx } from "../context";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { createNote } from "../notes/create-note";
import { createTag } from "../tags/create-tag";
import { commitImport } from "../file-imports/commit-import";
import { parseVcard } from "../file-imports/parse-vcard";
import { exportContacts } from "./export-contacts";
import { exportUserData, userTables } from "./export-user-data";
import { readAvatar, setAvatar } from "../contacts/avatar";
import { testPng } from "../contacts/avatar-test-images";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let s = "";
  for await (const part of gen) s += part;
  return s;
}

async function seed(ctx: Ctx) {
  const tag = await createTag(ctx, { name: "Yoga" });
  const c = await createContact(ctx, {
    displayName: 'Ada, the "Lovelace"',
    emails: [{ value: "ada@x.org" }],
    phones: [{ value: "+44 20 7946 0000" }],
    stage: "VIP Client",
    tagIds: [tag.id],
    healthContext: { allergies: "nuts" },
  });
  await createContact(ctx, { displayName: "Bob Prospect" });
  await createNote(ctx, { contactId: c.id, body: "note body" });
  return c;
}

describe("exports", () => {
  it("exports CSV that re-imports cleanly, filtered, without health data", async () => {
    const ctx = await newUserCtx(h);
    await seed(ctx);
    const all = await collect(exportContacts(ctx, { format: "csv", filters: {} }));
    expect(all.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(all).not.toContain("nuts");
    const vip = await collect(exportContacts(ctx, { format: "csv", filters: { stage: "VIP Client" } }));
    expect(vip).toContain('"Ada, the ""Lovelace"""');
    expect(vip).not.toContain("Bob Prospect");
    const other = await newUserCtx(h);
    const r = await commitImport(other, { text: all, filename: "export.csv" });
    expect(r.created).toBe(2);
    expect(r.errors).toEqual([]);
  });

  it("exports vCards that parse back", async () => {
    const ctx = await newUserCtx(h);
    await seed(ctx);
    const vcf = await collect(exportContacts(ctx, { format: "vcard", filters: { stage: "VIP Client" } }));
    expect(parseVcard(vcf)).toEqual([
      expect.objectContaining({
        displayName: 'Ada, the "Lovelace"',
        emails: ["ada@x.org"],
        phones: ["+44 20 7946 0000"],
        tags: ["Yoga"],
      }),
    ]);
  });

  it("JSON export covers every user table, only the caller's rows, health decrypted", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    await seed(a);
    await seed(b);
    const data = JSON.parse(await collect(exportUserData(a))) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(Object.keys(data.tables).sort()).toEqual(userTables().map(getTableName).sort());
    expect(Object.keys(data.tables)).toEqual(
      expect.arrayContaining(["contacts", "notes", "interactions", "tags"]),
    );
    for (const rows of Object.values(data.tables)) for (const r of rows) expect(r.user_id).toBe(a.userId);
    expect(data.tables.contacts).toHaveLength(2);
    expect(data.tables.contacts!.find((c) => c.stage === "VIP Client")?.health_context).toEqual({
      allergies: "nuts",
    });
    expect(data.tables.contact_tags).toHaveLength(1);
  });

  it("JSON export carries the caller's contact photos, and never another user's", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const ca = await createContact(a, { displayName: "With Photo" });
    const cb = await createContact(b, { displayName: "Not Mine" });
    await setAvatar(a, { contactId: ca.id, bytes: testPng(40, 40) });
    await setAvatar(b, { contactId: cb.id, bytes: testPng(40, 40) });
    const data = JSON.parse(await collect(exportUserData(a))) as {
      files: { avatars: { contactId: string; contentType: string; dataBase64: string }[] };
    };
    expect(data.files.avatars).toHaveLength(1);
    const [photo] = data.files.avatars;
    expect(photo).toMatchObject({ contactId: ca.id, contentType: "image/png" });
    const stored = await readAvatar(a, { contactId: ca.id });
    expect(Buffer.from(photo!.dataBase64, "base64").equals(stored.bytes)).toBe(true);
  });
});
