import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/** Row count and a content hash of every public table: equal fingerprints = same data. */
export async function databaseFingerprint(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await db.execute<{ t: string }>(
    sql`SELECT table_name AS t FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const { t } of tables.rows) {
    const r = await db.execute<{ rows: number; hash: string | null }>(
      sql`SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash
          FROM ${sql.identifier(t)} x`,
    );
    out[t] = { rows: Number(r.rows[0]?.rows ?? 0), hash: r.rows[0]?.hash ?? "" };
  }
  return out;
}
