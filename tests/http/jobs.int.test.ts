import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

describe("jobs API (HTTP)", () => {
  const h = useHttpServer();

  it("requires a session", async () => {
    const c = h.client();
    expect((await c.get("/api/v1/jobs")).status).toBe(401);
  });

  it("lists the caller's jobs, runs queued work on demand and validates filters", async () => {
    const c = await h.signUp();
    const list = await c.get<{ ok: boolean; data: { items: unknown[]; nextCursor: string | null } }>(
      "/api/jobs?status=queued,dead",
    );
    expect(list.status).toBe(200);
    expect(list.json.data).toEqual({ items: [], nextCursor: null });
    const run = await c.post<{ ok: boolean; data: { processed: number } }>("/api/v1/jobs/runner");
    expect(run.status).toBe(200);
    expect(run.json).toEqual({ ok: true, data: { processed: 0 } });
    const bad = await c.get<{ error: string; details: { fields: Record<string, string[]> } }>(
      "/api/v1/jobs?status=bogus",
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("invalid_query");
    expect(Object.keys(bad.json.details.fields)).toContain("status.0");
  });

  it("answers 404 for a job that is not the caller's (or not a job id)", async () => {
    const c = await h.signUp();
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const r = await c.post<{ error: string }>(`/api/v1/jobs/${id}/retry`);
      expect(r.status).toBe(404);
      expect(r.json.error).toBe("not_found");
    }
  });
});
