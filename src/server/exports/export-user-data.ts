import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import * as schema from "../db/schema/index";
import { appEncryptor } from "../crypto/app-crypto";
import { exportAvatars } from "./export-avatars";
import { exportClientFiles } from "./export-client-files";

const PAGE = 1000;

/**
 * Every table that holds the user's rows, found from the drizzle schema (any table with a
 * user_id column, auth tables excluded), so tables added later are exported automatically.
 */
export function userTables(): PgTable[] {
  return (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, PgTable))
    .filter((t) => !getTableName(t).startsWith("auth_"))
    .filter((t) => getTableConfig(t).columns.some((c) => c.name === "user_id"))
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
}

/** Keyset columns: the primary key (single or composite). */
function keyColumns(t: PgTable): string[] {
  const cfg = getTableConfig(t);
  const pk = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  if (pk.length) return pk;
  return cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? ["user_id"];
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

function clean(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (table === "contacts" && k === "health_context_enc") {
      // The user's own health notes are theirs to take with them, decrypted.
      out.health_context = typeof v === "string" ? JSON.parse(appEncryptor().decrypt(v, "health")) : null;
    } else if (table === "form_submissions" && k === "answers_enc") {
      // What clients answered on the user's forms (health history included) is the user's data too.
      out.answers = typeof v === "string" ? JSON.parse(appEncryptor().decrypt(v, "health")) : null;
    } else if (k.endsWith("_enc")) out[k] = v == null ? null : "[redacted secret]";
    else if (k === "embedding") continue;
    else out[k] = v;
  }
  return out;
}

/**
 * Streams `{"exportedAt":…,"tables":{"contacts":[…],…},"files":{"avatars":[…],"clientFiles":[…]}}` page by
 * page (RLS-scoped), so a
 * user with 500k interactions never needs it all in memory. OAuth tokens are redacted.
 */
export async function* exportUserData(ctx: Ctx): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(new Date().toISOString())},"userId":${JSON.stringify(ctx.userId)},"tables":{`;
  let firstTable = true;
  for (const t of userTables()) {
    const name = getTableName(t);
    const keys = keyColumns(t);
    const keyList = sql.raw(keys.map(q).join(", "));
    yield `${firstTable ? "" : ","}${JSON.stringify(name)}:[`;
    firstTable = false;
    let last: unknown[] | null = null;
    let first = true;
    for (;;) {
      const after: ReturnType<typeof sql> = last
        ? sql`AND (${keyList}) > (${sql.join(
            last.map((v) => sql`${v}`),
            sql`, `,
          )})`
        : sql``;
      const res = await withUser(ctx, (tx) =>
        tx.execute<Record<string, unknown>>(
          sql`SELECT * FROM ${sql.raw(q(name))} WHERE user_id = ${ctx.userId} ${after} ORDER BY ${keyList} LIMIT ${PAGE}`,
        ),
      );
      if (!res.rows.length) break;
      yield res.rows
        .map((r) => (first ? ((first = false), "") : ",") + JSON.stringify(clean(name, r)))
        .join("");
      if (res.rows.length < PAGE) break;
      last = keys.map((k) => res.rows[res.rows.length - 1]![k]);
    }
    yield "]";
  }
  // Files the rows point to (contacts.avatar_path, client_files.storage_key), so the
  // export holds the photos and the client files' bytes too.
  yield `},"files":{"avatars":[`;
  yield* exportAvatars(ctx);
  yield `],"clientFiles":[`;
  yield* exportClientFiles(ctx);
  yield "]}}";
}
