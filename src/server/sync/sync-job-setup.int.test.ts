import { beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "../db/client";
import { rootLog } from "../log";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { runGoogleSync } from "./run-google-sync";
import { connectedUser, setupGoogleEmulator } from "./testing/google-test-env";

// What a sync job costs before its first chunk lands: how often it reads the stored tokens
// and how many database transactions it opens. Counted by wrapping the real functions, so
// the job runs exactly as in production against the emulator.
const probe = vi.hoisted(() => ({
  on: false,
  loadTokens: 0,
  tx: 0,
  txBeforeFirstChunk: null as number | null,
}));

vi.mock("../google/token-store", async (importOriginal) => {
  const m = await importOriginal<typeof import("../google/token-store")>();
  return {
    ...m,
    loadTokens: (...a: Parameters<typeof m.loadTokens>) => {
      if (probe.on) probe.loadTokens++;
      return m.loadTokens(...a);
    },
  };
});
vi.mock("../db/with-user", async (importOriginal) => {
  const m = await importOriginal<typeof import("../db/with-user")>();
  return {
    ...m,
    withUser: ((ctx, work) => {
      if (probe.on && !ctx.tx) probe.tx++;
      return m.withUser(ctx, work);
    }) as typeof m.withUser,
  };
});
vi.mock("./import-google-chunk", async (importOriginal) => {
  const m = await importOriginal<typeof import("./import-google-chunk")>();
  return {
    ...m,
    importChunk: (...a: Parameters<typeof m.importChunk>) => {
      if (probe.on && probe.txBeforeFirstChunk === null) probe.txBeforeFirstChunk = probe.tx;
      return m.importChunk(...a);
    },
  };
});

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

async function measure(service: "gmail" | "calendar") {
  const c = await connectedUser(h, emu(), { mailbox: { messages: 20 }, calendar: { events: 10 } });
  const { batchId } = await approveImport(c.ctx, { service });
  Object.assign(probe, { on: true, loadTokens: 0, tx: 0, txBeforeFirstChunk: null });
  try {
    await runGoogleSync(
      {
        ...c.ctx,
        log: rootLog(),
        jobId: "probe",
        batchId,
        kind: `google_${service}_sync`,
        attempt: 1,
        maxAttempts: 1,
        signal: new AbortController().signal,
        reportProgress: async () => undefined,
      },
      { service, incremental: false },
    );
  } finally {
    probe.on = false;
  }
  const pushRegistered = emu().control.pushRegistrations(c.account).gmail !== null;
  return { loadTokens: probe.loadTokens, txBeforeFirstChunk: probe.txBeforeFirstChunk, pushRegistered };
}

describe("sync job set-up", () => {
  // Before the Google driver took over (issue #13): 4 token reads and 10 transactions for Gmail,
  // 2 and 5 for Calendar.
  it("a Gmail import job reads the tokens once and opens few transactions before its first chunk", async () => {
    const r = await measure("gmail");
    expect(r.loadTokens).toBe(1);
    expect(r.txBeforeFirstChunk).not.toBeNull();
    expect(r.txBeforeFirstChunk).toBeLessThanOrEqual(5);
    expect(r.pushRegistered).toBe(false);
  });

  it("a Calendar import job reads the tokens once and opens few transactions before its first chunk", async () => {
    const r = await measure("calendar");
    expect(r.loadTokens).toBe(1);
    expect(r.txBeforeFirstChunk).not.toBeNull();
    expect(r.txBeforeFirstChunk).toBeLessThanOrEqual(4);
  });

  it("registering Gmail push after the import reuses the job's session: still one token read", async () => {
    Object.assign(process.env, {
      GOOGLE_PUBSUB_TOPIC: "projects/omnicrm-test/topics/gmail-push",
      GOOGLE_PUBSUB_VERIFICATION_TOKEN: "pubsub-shared-secret-0123456789",
    });
    resetEnvCache();
    try {
      const r = await measure("gmail");
      expect(r.pushRegistered).toBe(true);
      expect(r.loadTokens).toBe(1);
    } finally {
      delete process.env.GOOGLE_PUBSUB_TOPIC;
      delete process.env.GOOGLE_PUBSUB_VERIFICATION_TOKEN;
      resetEnvCache();
    }
  });
});
