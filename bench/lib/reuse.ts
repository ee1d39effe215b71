import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * What a later `--reuse-data` run needs to find a seeded dataset again: the main user's email
 * (signed in afresh, since the server's secrets change per run) and the timeline contact.
 * Kept beside the OS temp files, keyed by the database URL, so two databases never mix.
 */
export type SeedState = {
  email: string;
  contactId: string;
  contacts: number;
  interactions: number;
  seededAt: string;
};

function stateFile(): string {
  const url = process.env.DATABASE_URL ?? "";
  const name = url.replace(/[^a-z0-9]+/gi, "_").slice(-80);
  return path.join(tmpdir(), `omnicrm-bench-api-${name}.json`);
}

export async function writeSeedState(s: Omit<SeedState, "seededAt">): Promise<void> {
  writeFileSync(stateFile(), JSON.stringify({ ...s, seededAt: new Date().toISOString() }));
}

/** The saved state when it matches this run's sizes; null (seed again) otherwise. */
export async function readSeedState(contacts: number, interactions: number): Promise<SeedState | null> {
  try {
    const s = JSON.parse(readFileSync(stateFile(), "utf8")) as SeedState;
    return s.contacts === contacts && s.interactions === interactions ? s : null;
  } catch {
    return null;
  }
}
