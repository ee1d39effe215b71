import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/**
 * PGlite has no cross-process locking: two processes opening one data directory corrupt
 * it. Every embedded open therefore takes `<dataDir>.lock` (holding the owner's pid),
 * released on close. A lock whose process is gone is stale and taken over.
 */
const g = globalThis as unknown as { __omnicrmDirLocks?: Map<string, string> };
const heldHere = (g.__omnicrmDirLocks ??= new Map<string, string>());

export function acquireDataDirLock(dataDir: string, purpose = "omnicrm"): () => void {
  const file = `${dataDir}.lock`;
  const mine = heldHere.get(file);
  if (mine) throw new DataDirLockedError(dataDir, process.pid, mine);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, `${process.pid} ${purpose}\n`);
      closeSync(fd);
      heldHere.set(file, purpose);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder.pid, holder.purpose);
      }
      // Stale: the owner crashed, or a previous process that had our pid (containers).
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly purpose: string,
  ) {
    super(
      `The embedded database ${dataDir} is open in process ${pid} (${purpose}). ` +
        "Stop that process first (only one process may open an embedded database); " +
        `if no such process exists, delete ${dataDir}.lock.`,
    );
    this.name = "DataDirLockedError";
  }
}

function readHolder(file: string): { pid: number; purpose: string } | null {
  try {
    const [pid, purpose] = readFileSync(file, "utf8").trim().split(" ");
    return Number(pid) > 0 ? { pid: Number(pid), purpose: purpose ?? "unknown" } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
