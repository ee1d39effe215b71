import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./client";

const MIGRATIONS_DIR = path.resolve(process.cwd(), "src/server/db/migrations");
const LOCK_KEY = 7_246_019_331; // arbitrary, stable: serialises concurrent migrators

type Journal = { entries: { tag: string }[] };

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Migration ${file} failed and was rolled back: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "MigrationError";
  }
}

export function listMigrations(dir = MIGRATIONS_DIR): { tag: string; sql: string; hash: string }[] {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as Journal;
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(path.join(dir, `${tag}.sql`), "utf8");
    return { tag, sql: text, hash: createHash("sha256").update(text).digest("hex") };
  });
}

/**
 * Applies pending migrations, each file in its own transaction so a failing file leaves the
 * database exactly as the previous file left it, then re-applies RLS to every user table.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const applied: string[] = [];
  // Transaction-scoped advisory locks work through a pool (a session lock could be taken
  // on one pooled connection and released on another), and serialise concurrent migrators.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS omnicrm_migrations (
      tag text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  for (const m of listMigrations(dir)) {
    try {
      const ran = await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
        const seen = await tx.execute(sql`SELECT 1 FROM omnicrm_migrations WHERE tag = ${m.tag}`);
        if (seen.rows.length > 0) return false;
        for (const stmt of m.sql.split("--> statement-breakpoint")) {
          if (stmt.trim()) await tx.execute(sql.raw(stmt));
        }
        await tx.execute(sql`INSERT INTO omnicrm_migrations (tag, hash) VALUES (${m.tag}, ${m.hash})`);
        return true;
      });
      if (ran) applied.push(m.tag);
    } catch (e) {
      throw new MigrationError(`${m.tag}.sql`, e);
    }
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`SELECT omnicrm_apply_rls()`);
  });
  return { applied };
}

/** Tags in the repo that the database has not applied yet (readiness checks use this). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const done = await db
    .execute<{ tag: string }>(sql`SELECT tag FROM omnicrm_migrations`)
    .catch(() => ({ rows: [] as { tag: string }[] }));
  const have = new Set(done.rows.map((r) => r.tag));
  return listMigrations()
    .filter((m) => !have.has(m.tag))
    .map((m) => m.tag);
}
