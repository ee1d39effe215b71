import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { mimeOf } from "../contacts/avatar";
import { objectStore } from "../storage/object-store";

const PAGE = 200;

/**
 * The user's stored contact photos for the JSON export, as
 * `{"contactId","contentType","dataBase64"}` items (comma-joined JSON fragments), read one
 * at a time from disk or the bucket so a large address book never sits in memory. A photo
 * whose object has gone missing is left out rather than failing the whole export.
 */
export async function* exportAvatars(ctx: Ctx): AsyncGenerator<string> {
  const store = objectStore();
  let after = "00000000-0000-0000-0000-000000000000";
  let first = true;
  for (;;) {
    const page = await withUser(ctx, (tx) =>
      tx.execute<{ id: string; avatar_path: string }>(
        sql`SELECT id, avatar_path FROM contacts WHERE user_id = ${ctx.userId} AND avatar_path IS NOT NULL
          AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      ),
    );
    for (const r of page.rows) {
      const bytes = await store.get(r.avatar_path);
      if (!bytes) continue;
      const item = {
        contactId: r.id,
        contentType: mimeOf(r.avatar_path),
        dataBase64: bytes.toString("base64"),
      };
      yield (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
    if (page.rows.length < PAGE) return;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
