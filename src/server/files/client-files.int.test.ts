import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { withSystem } from "../db/with-user";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { deleteContact } from "../contacts/delete-contact";
import { objectStore } from "../storage/object-store";
import { exportUserData } from "../exports/export-user-data";
import { runRetention, defaultRetention } from "../retention/run-retention";
import { rootLog } from "../log";
import { mergeContacts } from "../contacts/merge-contacts";
import { undoMerge } from "../contacts/undo-merge";
import { storeClientFile } from "./store-client-file";
import { listClientFiles } from "./list-client-files";
import { readClientFile } from "./read-client-file";
import { deleteClientFile } from "./delete-client-file";
import { MAX_CLIENT_FILE_BYTES } from "./constants";
import { testPdf, testPngBytes } from "./test-files";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const keyOf = async (id: string) =>
  (
    await withSystem(h.db, (tx) =>
      tx.execute<{ storage_key: string }>(sql`SELECT storage_key FROM client_files WHERE id = ${id}`),
    )
  ).rows[0]?.storage_key;

describe("client files", () => {
  it("stores, lists, reads and deletes a file; the type comes from the bytes, not the claim", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Files Client" });
    const pdf = testPdf("intake");
    const a = await storeClientFile(ctx, {
      contactId: c.id,
      fileName: "../../etc/intake form.html",
      mimeType: "text/html",
      bytes: new Uint8Array(pdf),
      source: "upload",
    });
    const b = await storeClientFile(ctx, {
      contactId: c.id,
      fileName: "photo.png",
      mimeType: "application/octet-stream",
      bytes: testPngBytes(),
      source: "upload",
    });
    const { items } = await listClientFiles(ctx, { contactId: c.id });
    expect(items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const pdfItem = items.find((i) => i.id === a.id)!;
    expect(pdfItem).toMatchObject({
      fileName: "intake form.html.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.length,
      source: "upload",
      downloadUrl: `/api/v1/files/${a.id}`,
    });
    const got = await readClientFile(ctx, { id: a.id });
    expect(got.mimeType).toBe("application/pdf");
    expect(got.bytes.equals(pdf)).toBe(true);

    const key = (await keyOf(a.id))!;
    expect(key).toMatch(new RegExp(`^files/${ctx.userId}/${c.id}/[0-9a-f]{32}\\.pdf$`));
    await deleteClientFile(ctx, { id: a.id });
    expect(await objectStore().get(key)).toBeNull();
    await expect(readClientFile(ctx, { id: a.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listClientFiles(ctx, { contactId: c.id })).items.map((i) => i.id)).toEqual([b.id]);
  });

  it("answers 404 for another user's file or contact, and stores nothing for them", async () => {
    const owner = await newUserCtx(h);
    const other = await newUserCtx(h);
    const c = await createContact(owner, { displayName: "Private" });
    const f = await storeClientFile(owner, {
      contactId: c.id,
      fileName: "x.pdf",
      mimeType: "application/pdf",
      bytes: testPdf(),
      source: "consent",
    });
    await expect(readClientFile(other, { id: f.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteClientFile(other, { id: f.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listClientFiles(other, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      storeClientFile(other, {
        contactId: c.id,
        fileName: "y.pdf",
        mimeType: "application/pdf",
        bytes: testPdf(),
        source: "upload",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await readClientFile(owner, { id: f.id })).bytes.length).toBeGreaterThan(0);
  });

  it("refuses SVG, HTML, empty and oversized content, and a consent PDF that is not a PDF", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Refused" });
    const put = (bytes: Uint8Array, source: "upload" | "consent" = "upload", mimeType = "image/png") =>
      storeClientFile(ctx, { contactId: c.id, fileName: "f.png", mimeType, bytes, source });
    await expect(put(Buffer.from('<svg onload="alert(1)"/>'))).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
    await expect(put(Buffer.from("<!doctype html><script>1</script>"))).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
    await expect(put(new Uint8Array())).rejects.toMatchObject({ code: "invalid_body" });
    await expect(put(Buffer.alloc(MAX_CLIENT_FILE_BYTES + 1))).rejects.toMatchObject({
      code: "payload_too_large",
    });
    await expect(put(testPngBytes(), "consent", "application/pdf")).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
    expect((await listClientFiles(ctx, { contactId: c.id })).items).toEqual([]);
  });

  it("puts the files with their bytes in the JSON export", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Exported" });
    const pdf = testPdf("export me");
    const f = await storeClientFile(ctx, {
      contactId: c.id,
      fileName: "notes.pdf",
      mimeType: "application/pdf",
      bytes: pdf,
      source: "upload",
    });
    let json = "";
    for await (const part of exportUserData(ctx)) json += part;
    const data = JSON.parse(json) as {
      tables: { client_files: { id: string; contact_id: string }[] };
      files: { clientFiles: { id: string; contactId: string; fileName: string; dataBase64: string }[] };
    };
    expect(data.tables.client_files.map((r) => r.id)).toEqual([f.id]);
    expect(data.files.clientFiles).toHaveLength(1);
    expect(data.files.clientFiles[0]).toMatchObject({ id: f.id, contactId: c.id, fileName: "notes.pdf" });
    expect(Buffer.from(data.files.clientFiles[0]!.dataBase64, "base64").equals(pdf)).toBe(true);
  });

  it("the purge of a soft-deleted contact removes its files' rows and bytes", async () => {
    const ctx = await newUserCtx(h);
    const gone = await createContact(ctx, { displayName: "Purged" });
    const kept = await createContact(ctx, { displayName: "Kept" });
    const store = (contactId: string) =>
      storeClientFile(ctx, {
        contactId,
        fileName: "a.pdf",
        mimeType: "application/pdf",
        bytes: testPdf(contactId),
        source: "upload",
      });
    const gf = await store(gone.id);
    const kf = await store(kept.id);
    const [gKey, kKey] = [(await keyOf(gf.id))!, (await keyOf(kf.id))!];
    await deleteContact(ctx, { id: gone.id });
    await withSystem(h.db, (tx) =>
      tx.execute(sql`UPDATE contacts SET deleted_at = now() - interval '31 days' WHERE id = ${gone.id}`),
    );
    await runRetention({ db: h.db, log: rootLog() }, defaultRetention(30));
    expect(await keyOf(gf.id)).toBeUndefined();
    expect(await objectStore().get(gKey)).toBeNull();
    expect(await keyOf(kf.id)).toBe(kKey);
    expect(await objectStore().get(kKey)).not.toBeNull();
  });

  it("a merge moves the merged contact's files to the survivor, and its undo moves them back", async () => {
    const ctx = await newUserCtx(h);
    const survivor = await createContact(ctx, { displayName: "Survivor" });
    const merged = await createContact(ctx, { displayName: "Merged" });
    const f = await storeClientFile(ctx, {
      contactId: merged.id,
      fileName: "m.pdf",
      mimeType: "application/pdf",
      bytes: testPdf(),
      source: "upload",
    });
    const m = await mergeContacts(ctx, { survivorId: survivor.id, mergedId: merged.id });
    expect((await listClientFiles(ctx, { contactId: survivor.id })).items.map((i) => i.id)).toEqual([f.id]);
    await undoMerge(ctx, { mergeId: m.mergeId });
    expect((await listClientFiles(ctx, { contactId: survivor.id })).items).toEqual([]);
    expect((await listClientFiles(ctx, { contactId: merged.id })).items.map((i) => i.id)).toEqual([f.id]);
  });
});
