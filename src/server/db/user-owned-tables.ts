import { sql } from "drizzle-orm";
import type { Db } from "./client";

export type UserOwnedTable = { table: string; cascades: boolean; nullable: boolean };

/**
 * Every public table with a user_id column (auth library tables included), and whether
 * that column references auth_users ON DELETE CASCADE. Export and account deletion are
 * checked against this list, so a new table cannot be forgotten silently.
 */
export async function userOwnedTables(db: Db): Promise<UserOwnedTable[]> {
  const r = await db.execute<{ table: string; cascades: boolean; nullable: string }>(sql`
    SELECT c.table_name AS table, c.is_nullable AS nullable,
      EXISTS (
        SELECT 1 FROM pg_constraint k
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
        WHERE k.contype = 'f' AND k.confdeltype = 'c'
          AND k.conrelid = format('public.%I', c.table_name)::regclass
          AND k.confrelid = 'public.auth_users'::regclass
          AND a.attname = 'user_id'
      ) AS cascades
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`);
  // Other test files may create fixture tables (`*_test_*`) in a shared test database.
  return r.rows
    .filter((x) => !/(^|_)test(_|$)/.test(x.table))
    .map((x) => ({ table: x.table, cascades: Boolean(x.cascades), nullable: x.nullable === "YES" }));
}

/**
 * Tables that deliberately keep rows after an account is deleted, with the reason. Each
 * must be covered by retention instead.
 */
export const survivesAccountDeletion: Record<string, string> = {
  security_events:
    "security audit trail (failed sign-ins, the deletion itself); no FK so it outlives the account; purged after 90 days by retention",
};
