import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { listContacts } from "../contacts/list-contacts";
import { getContact } from "../contacts/get-contact";
import { previewImport } from "./preview-import";
import { commitImport } from "./commit-import";
import { listImports, undoImport } from "./undo-import";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const CSV = [
  "Name,Email,Phone,Stage,Tags,Notes",
  "Ana Silva,ana@x.org,+351 912 345 678,core client,Yoga;Retreat,likes mornings",
  '"Bad, Email",not-an-email,,,,',
  "Carl,carl@x.org,,Unknown Stage,,",
  "Existing,taken@x.org,,,,",
  "Dora,,,,,",
].join("\r\n");

describe("CSV/vCard import", () => {
  it("previews with mapping guesses, line-numbered errors and skips, writing nothing", async () => {
    const ctx = await newUserCtx(h);
    await createContact(ctx, { displayName: "Taken", emails: [{ value: "taken@x.org" }] });
    const p = await previewImport(ctx, { text: CSV, filename: "clients.csv" });
    expect(p.format).toBe("csv");
    expect(p.mapping).toMatchObject({ Name: "displayName", Email: "email", Phone: "phone", Tags: "tags" });
    expect(p.errors).toEqual([
      { line: 3, field: "email", message: 'invalid email "not-an-email"' },
      { line: 4, field: "stage", message: 'unknown stage "Unknown Stage"' },
    ]);
    expect(p.skipped).toEqual([{ line: 5, field: "email", message: "taken@x.org is already a contact" }]);
    expect(p.validRows).toBe(2);
    expect(p.sample[0]).toMatchObject({
      displayName: "Ana Silva",
      stage: "Core Client",
      tags: ["Yoga", "Retreat"],
    });
    expect((await listContacts(ctx, {})).total).toBe(1);
  });

  it("refuses bad rows without confirm, imports good ones with it, and undoes the batch", async () => {
    const ctx = await newUserCtx(h);
    await expect(commitImport(ctx, { text: CSV, filename: "c.csv" })).rejects.toMatchObject({
      code: "unprocessable",
      details: expect.objectContaining({ validRows: 3 }),
    });
    expect((await listContacts(ctx, {})).total).toBe(0);
    const r = await commitImport(ctx, { text: CSV, filename: "c.csv", confirm: true });
    expect(r.created).toBe(3);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    const page = await listContacts(ctx, { source: "csv_import" });
    expect(page.items.map((c) => c.displayName)).toEqual(["Ana Silva", "Dora", "Existing"]);
    const ana = await getContact(ctx, { id: page.items[0]!.id });
    expect(ana).toMatchObject({ stage: "Core Client", primaryEmail: "ana@x.org", batchId: r.batchId });
    expect(ana.tags.map((t) => t.name)).toEqual(["Retreat", "Yoga"]);
    expect((await listImports(ctx)).items[0]).toMatchObject({ id: r.batchId, status: "done" });

    const other = await newUserCtx(h);
    await expect(undoImport(other, { batchId: r.batchId })).rejects.toMatchObject({ code: "not_found" });
    expect(await undoImport(ctx, { batchId: r.batchId })).toEqual({ batchId: r.batchId, removed: 3 });
    expect((await listContacts(ctx, {})).total).toBe(0);
    expect((await listImports(ctx)).items[0]?.status).toBe("undone");
  });

  it("imports vCards", async () => {
    const ctx = await newUserCtx(h);
    const vcf = "BEGIN:VCARD\nVERSION:3.0\nFN:Vera Card\nEMAIL:vera@x.org\nTEL:+1 555 0199\nEND:VCARD\n";
    const r = await commitImport(ctx, { text: vcf, filename: "contacts.vcf" });
    expect(r.created).toBe(1);
    expect((await listContacts(ctx, {})).items[0]).toMatchObject({
      displayName: "Vera Card",
      primaryPhone: "+1 555 0199",
    });
  });
});
