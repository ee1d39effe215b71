import { createServer } from "node:net";
import type { Pool } from "pg";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errFromUnknown } from "../http/responses";
import { openPostgres, type DbHandle } from "./client";
import { isDbUnavailable } from "./db-unavailable";

/** A port nothing listens on (bound, then closed). */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let h: DbHandle;
beforeAll(async () => {
  h = await openPostgres(`postgres://postgres@127.0.0.1:${await deadPort()}/none`, 2);
});
afterAll(async () => {
  await h.close();
});

describe("the PostgreSQL pool during an outage", () => {
  it("survives an idle connection dying (the pool's `error` event) instead of crashing the process", () => {
    const pool = (h.db as unknown as { $client: Pool }).$client;
    expect(pool.listenerCount("error")).toBeGreaterThan(0);
    // What pg emits when the server of an idle pooled client restarts; with no listener,
    // EventEmitter throws it and the process dies.
    expect(() => pool.emit("error", new Error("Connection terminated unexpectedly"))).not.toThrow();
    // Checked-out clients get a listener of their own (pool-outage.int.test.ts kills one).
    expect(pool.listenerCount("connect")).toBeGreaterThan(0);
  });

  it("fails a query while the server is unreachable with an error that becomes 503 + Retry-After", async () => {
    const e: unknown = await h.db.execute(sql`SELECT 1`).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).not.toBeNull();
    expect(isDbUnavailable(e)).toBe(true);
    const res = errFromUnknown(e);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ ok: false, error: "service_unavailable" });
  });
});
