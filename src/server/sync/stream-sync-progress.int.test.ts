import { beforeAll, describe, expect, it } from "vitest";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { streamSyncProgress } from "./stream-sync-progress";

let h: DbHandle;

// The sync page's one progress stream: a snapshot event straight away (status, batches,
// sync jobs), keep-alives while nothing changes, and it stops when the client goes away.
describe("sync progress stream", () => {
  beforeAll(async () => {
    h = await useTestDb();
  });

  it("sends a snapshot of status, batches and jobs at once and ends on abort", async () => {
    const { id: userId } = await createTestUser(h);
    const abort = new AbortController();
    const stream = streamSyncProgress({ db: h.db, userId, log: rootLog() }, { signal: abort.signal });
    const reader = stream.getReader();
    let text = "";
    while (!text.includes("event: snapshot")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain("retry: 3000");
    const data = /event: snapshot\ndata: (.*)\n\n/.exec(text)?.[1];
    const snap = JSON.parse(data!) as {
      status: { providers: unknown };
      batches: { items: unknown[] };
      jobs: { items: unknown[] };
    };
    expect(snap.status.providers).toBeDefined();
    expect(snap.batches.items).toEqual([]);
    expect(snap.jobs.items).toEqual([]);
    abort.abort();
    const end = await reader.read();
    expect(end.done).toBe(true);
  });
});
