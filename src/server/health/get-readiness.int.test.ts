import { beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DbHandle } from "../db/client";
import { useTestDb } from "../testing/test-db";
import { getReadiness } from "./get-readiness";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const redisUrl = process.env.REDIS_URL;
const needRedis = process.env.REQUIRE_REAL_SERVICES === "1";

describe("getReadiness", () => {
  it("is ready on a migrated database without Redis configured", async () => {
    const r = await getReadiness({ db: async () => h.db });
    expect(r.ready).toBe(true);
    expect(r.checks.database.state).toBe("ok");
    expect(r.checks.migrations.state).toBe("ok");
    expect(r.checks.redis.state).toBe("skipped");
    expect(r.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("is not ready while migrations are pending, and names them", async () => {
    const fresh = await openPglite();
    try {
      const r = await getReadiness({ db: async () => fresh.db });
      expect(r.ready).toBe(false);
      expect(r.checks.database.state).toBe("ok");
      expect(r.checks.migrations.state).toBe("pending");
      expect(r.checks.migrations.pending?.[0]).toBe("0000_init");
    } finally {
      await fresh.close();
    }
  });

  it("is not ready when the database cannot be reached", async () => {
    const r = await getReadiness({
      db: () => Promise.reject(new Error("connect ECONNREFUSED")),
    });
    expect(r.ready).toBe(false);
    expect(r.checks.database).toMatchObject({ state: "down", error: "unavailable" });
    expect(r.checks.migrations.state).toBe("down");
  });

  it("is not ready when configured Redis does not answer", async () => {
    const r = await getReadiness({ db: async () => h.db, redisUrl: "redis://127.0.0.1:1", timeoutMs: 500 });
    expect(r.ready).toBe(false);
    expect(r.checks.redis.state).toBe("down");
    expect(r.checks.database.state).toBe("ok");
  });

  it.skipIf(!redisUrl && !needRedis)("reports real Redis as ok with its latency", async () => {
    const r = await getReadiness({ db: async () => h.db, redisUrl: redisUrl! });
    expect(r.checks.redis.state).toBe("ok");
    expect(r.ready).toBe(true);
  });
});
