import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allContracts } from "../../src/server/openapi/build-openapi";
import { useHttpServer } from "./harness";

// Every documented route that needs a user (contract auth "user"), called without a
// session: 401 { ok: false, error: "unauthorized" }, whatever its method, params or body.
describe("signed-out API (HTTP)", () => {
  const h = useHttpServer({ AI_PROVIDER: "" });

  it("answers 401 unauthorized on every user route", async () => {
    const routes = allContracts().filter((c) => c.auth === "user");
    expect(routes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const c of routes) {
      // A fresh client (own IP) per route, so the per-IP anonymous limit never answers first.
      const client = h.client();
      const path = c.path.replace(/\{[^{}]+\}/g, randomUUID());
      const body = c.method === "GET" || c.method === "DELETE" ? undefined : {};
      const r = await client.request(c.method, path, body);
      const got = JSON.stringify(r.json);
      if (r.status !== 401 || got !== JSON.stringify({ ok: false, error: "unauthorized" }))
        wrong.push(`${c.method} ${c.path} → ${r.status} ${got ?? r.text.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("limits AI endpoints to 10 requests a minute per user", async () => {
    const a = await h.signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await a.post("/api/v1/chat", { prompt: `hello ${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
    // The general API budget is separate: the same user still reads their data.
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
  });
});
