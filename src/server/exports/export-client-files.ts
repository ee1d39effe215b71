import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { objectStore } from "../storage/object-store";

const PAGE = 50;

/**
 * The user's client files for the JSON export, as
 * `{"id","contactId","fileName","contentType","sizeBytes","sha256","source","createdAt","dataBase64"}`
 * items (comma-joined JSON fragments). The metadata rows are also under
 * tables.client_files; this adds the bytes, read one file at a time (up to 20 MB each) so
 * the export never holds more than one in memory. A file whose object has gone missing is
 * listed without `dataBase64` rather than failing the whole export.
 */
export async function* exportClientFiles(ctx: Ctx): AsyncGenerator<string> {
  const store = objectStore();
  let after = "00000000-0000-0000-0000-000000000000";
  let first = true;
  for (;;) {
    const page = await withUser(ctx, (tx) =>
      tx.execute<{
        id: string;
        contact_id: string;
        file_name: string;
        mime_type: string;
        size_bytes: number;
        sha256: string;
        source: string;
        created_at: string | Date;
        storage_key: string;
      }>(
        sql`SELECT id, contact_id, file_name, mime_type, size_bytes, sha256, source, created_at, storage_key
          FROM client_files WHERE user_id = ${ctx.userId} AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      ),
    );
    for (const r of page.rows) {
      const bytes = await store.get(r.storage_key);
      const item = {
        id: r.id,
        contactId: r.contact_id,
        fileName: r.file_name,
        contentType: r.mime_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        source: r.source,
        createdAt: new Date(r.created_at).toISOString(),
        ...(bytes ? { dataBase64: bytes.toString("base64") } : { missing: true }),
      };
      yield (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
    if (page.rows.length < PAGE) return;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
