import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { acquireDataDirLock } from "../db/data-dir-lock";

async function openRaw(dataDir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite/vector");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  return PGlite.create({ dataDir, loadDataDir, extensions: { vector, pg_trgm, btree_gist } });
}

/**
 * Consistent backup of the embedded database: takes the data-dir lock (so it fails,
 * instead of copying a half-written directory, while the app has it open), opens it and
 * writes PGlite's own gzipped tarball of the data directory.
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(dataDir)) throw new Error(`no embedded database at ${dataDir}`);
  const release = acquireDataDirLock(dataDir, "backup");
  try {
    const pg = await openRaw(dataDir);
    try {
      await pg.query("CHECKPOINT");
      const tar = await pg.dumpDataDir("gzip");
      const bytes = Buffer.from(await tar.arrayBuffer());
      writeFileSync(file, bytes, { mode: 0o600 });
      return { bytes: bytes.length };
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a tarball made by backupPglite into `dataDir`. An existing directory is moved
 * aside (never deleted), so a mistaken restore can be undone by hand.
 */
export async function restorePglite(dataDir: string, file: string): Promise<{ movedAside?: string }> {
  const tar = readFileSync(file);
  const release = acquireDataDirLock(dataDir, "restore");
  try {
    let movedAside: string | undefined;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(dataDir, movedAside);
    }
    const pg = await openRaw(dataDir, new Blob([tar]));
    await pg.query("SELECT 1");
    await pg.close();
    return { movedAside };
  } finally {
    release();
  }
}
