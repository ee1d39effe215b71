import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import { migrate } from "../db/migrate";
import { contacts, notes } from "../db/schema/contacts";
import { withUser } from "../db/with-user";
import { createTestUser } from "../testing/test-db";
import { databaseFingerprint } from "./fingerprint";
import { backupPglite, restorePglite } from "./pglite-backup";
import { backupPostgres, restorePostgres } from "./postgres-backup";

const work = mkdtempSync(path.join(tmpdir(), "omnicrm-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function seed(h: DbHandle) {
  await migrate(h.db);
  const u = await createTestUser(h);
  await withUser({ db: h.db, userId: u.id }, async (tx) => {
    const [c] = await tx
      .insert(contacts)
      .values({ userId: u.id, displayName: "Ana Backup", stage: "Core Client" })
      .returning();
    await tx.insert(notes).values({ userId: u.id, contactId: c!.id, body: "Prefers mornings — ünïcode ✓" });
  });
  const fp = await databaseFingerprint(h.db);
  expect(fp.contacts!.rows).toBe(1);
  return fp;
}

const adminUrl = process.env.TEST_DATABASE_URL;

// The embedded round trip runs in the default (PGlite) pass; the real-Postgres pass covers pg_dump.
describe.skipIf(!!adminUrl)("embedded (PGlite) backup and restore", () => {
  it("round-trips every table's rows and content", { timeout: 180_000 }, async () => {
    const src = path.join(work, "src");
    const h = await openPglite(src);
    const before = await seed(h);
    // While the app holds the database, a backup refuses instead of copying a live directory.
    await expect(backupPglite(src, path.join(work, "live.tar.gz"))).rejects.toBeInstanceOf(
      DataDirLockedError,
    );
    await h.close();

    const file = path.join(work, "backup.tar.gz");
    const { bytes } = await backupPglite(src, file);
    expect(bytes).toBeGreaterThan(1000);

    const dst = path.join(work, "dst");
    await restorePglite(dst, file);
    const r = await openPglite(dst);
    try {
      expect(await databaseFingerprint(r.db)).toEqual(before);
    } finally {
      await r.close();
    }
  });
});

describe.skipIf(!adminUrl)("PostgreSQL backup and restore (pg_dump / pg_restore)", () => {
  it("round-trips into a fresh database", { timeout: 180_000 }, async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const suffix = randomUUID().replace(/-/g, "").slice(0, 12);
    const names = [`omnicrm_bk_src_${suffix}`, `omnicrm_bk_dst_${suffix}`];
    const urlOf = (db: string) => Object.assign(new URL(adminUrl!), { pathname: `/${db}` }).toString();
    try {
      for (const n of names) await admin.query(`CREATE DATABASE ${n}`);
      const s = await openPostgres(urlOf(names[0]!), 2);
      const before = await seed(s);
      await s.close();

      const file = path.join(work, "backup.pgdump");
      await backupPostgres(urlOf(names[0]!), file);
      await restorePostgres(urlOf(names[1]!), file);
      // Restoring again over existing data (--clean) leaves the same result.
      await restorePostgres(urlOf(names[1]!), file);

      const d = await openPostgres(urlOf(names[1]!), 2);
      try {
        expect(await databaseFingerprint(d.db)).toEqual(before);
      } finally {
        await d.close();
      }
    } finally {
      for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    }
  });
});
