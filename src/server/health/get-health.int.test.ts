import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { useTestDb } from "../testing/test-db";
import { getHealth, HEALTH_PROBE_TTL_MS } from "./get-health";

const g = globalThis as unknown as { __omnicrmDb?: Promise<DbHandle> };
let h: DbHandle;

beforeAll(async () => {
  h = await useTestDb();
  g.__omnicrmDb = Promise.resolve(h); // getHealth reads the process-wide handle
});
afterAll(() => {
  g.__omnicrmDb = undefined;
});

describe("getHealth", () => {
  it("reports the database and search mode", async () => {
    const { healthy, health } = await getHealth();
    expect(healthy).toBe(true);
    expect(health.db).toBe(true);
    expect(health.search).toBe(health.vector ? "hybrid" : "keyword");
  });

  it("answers concurrent calls from one probe, and probes again after the TTL", async () => {
    await new Promise((r) => setTimeout(r, HEALTH_PROBE_TTL_MS + 20));
    const [a, b] = await Promise.all([getHealth(), getHealth()]);
    // Same probe: the very same dependency object behind both answers.
    expect(a.health.queue).toBe(b.health.queue);
    await new Promise((r) => setTimeout(r, HEALTH_PROBE_TTL_MS + 20));
    const c = await getHealth();
    expect(c.health.queue).not.toBe(a.health.queue);
    expect(Date.parse(c.health.ts)).toBeGreaterThan(Date.parse(a.health.ts));
  });
});
