import { randomBytes } from "node:crypto";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { API_LATENCY_MS, compare, type Snapshot } from "./import";

/**
 * What the chaos files share. They run with CHAOS_TESTS=1 (`npm run test:chaos`, a step of
 * .ci/run; both files at once, they share nothing) and fail there — never skip — when
 * initdb or redis-server is missing. The embedded `npm test` and the integration tier skip
 * them: they need those binaries and a few minutes of their own.
 */
export const chaosEnabled = process.env.CHAOS_TESTS === "1";

export const CLEAN = {
  contacts: { lost: 0, duplicated: 0 },
  interactions: { lost: 0, duplicated: 0 },
  links: { lost: 0, duplicated: 0 },
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Result = {
  fault: string;
  /** From the component back (restarted) to the import finished. */
  recoveryS: number;
  /** From the component back to /api/v1/ready answering 200. */
  readyS: number;
  lost: number;
  duplicated: number;
  /** Job attempts that failed and were retried, with why (from the worker's log). */
  retries: string;
};

/** A faulted run against the undisturbed one, as a Result, printed at once for the CI log. */
export function measure(
  fault: string,
  base: Snapshot,
  got: Snapshot,
  t: { back: number; doneAt: number; readyS: number; retries?: string },
): { result: Result; diff: ReturnType<typeof compare> } {
  const diff = compare(base, got);
  const result: Result = {
    fault,
    recoveryS: (t.doneAt - t.back) / 1000,
    readyS: t.readyS,
    lost: diff.contacts.lost + diff.interactions.lost + diff.links.lost,
    duplicated: diff.contacts.duplicated + diff.interactions.duplicated + diff.links.duplicated,
    retries: t.retries ?? "",
  };
  console.info(
    `chaos: ${fault}: import finished ${result.recoveryS.toFixed(1)} s after the component was back ` +
      `(ready ${result.readyS.toFixed(1)} s); lost ${result.lost}, duplicated ${result.duplicated}`,
  );
  return { result, diff };
}

/** The Google emulator every chaos import goes through, with its per-call latency. */
export async function startChaosEmulator(): Promise<Emulator> {
  const emu = await startGoogleEmulator({ seed: 7 });
  emu.control.setFault({ kind: "slow", delayMs: API_LATENCY_MS });
  return emu;
}

/** The app's environment for a chaos process (web, worker or `npm start`). */
export function chaosAppEnv(
  emu: Emulator,
  o: { url: string; db: string; redisUrl: string; dataDir: string },
): Record<string, string> {
  return {
    ...emulatorAppEnv(emu),
    ...secrets,
    GOOGLE_REDIRECT_URI: `${o.url}/api/v1/google/oauth/callback`,
    GOOGLE_QUOTA_UNITS_PER_MINUTE: "1000000",
    APP_URL: o.url,
    DATABASE_URL: o.db,
    TEST_DATABASE_URL: "",
    REDIS_URL: o.redisUrl,
    DATA_DIR: o.dataDir,
    LOG_LEVEL: "info",
    LOG_PRETTY: "",
    TRUST_PROXY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The embedded case watches the import through the API several times a second.
    RATE_LIMIT_API_PER_MIN: "100000",
    // One job per user at a time: while the Gmail import runs, the Calendar one waits in
    // Redis (a delayed message) or the jobs table, which is what a fault must not strand.
    JOBS_PER_USER_CONCURRENCY: "1",
    // A killed worker's jobs are taken over after 10–20 s instead of 30–60 s (the worker
    // SIGKILL case still waits for BullMQ's real stall detection).
    JOBS_STALL_SECONDS: "10",
  };
}

const secrets = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
