import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

type Body = { ok: boolean; error?: string; data?: Record<string, unknown> };

// The app with no AI provider configured: every AI endpoint says so (503), search and the
// today brief keep working without AI.
describe("AI endpoints without a provider (HTTP)", () => {
  const h = useHttpServer({ AI_PROVIDER: "" });

  it("requires a session", async () => {
    expect((await h.client().post("/api/v1/chat", { prompt: "hi" })).status).toBe(401);
    expect((await h.client().get("/api/v1/ai/usage")).status).toBe(401);
  });

  it("answers 503 ai_not_configured on every model-backed endpoint", async () => {
    const c = await h.signUp();
    for (const [method, path, body] of [
      ["POST", "/api/v1/chat", { prompt: "Who should I follow up with?" }],
      ["POST", "/api/v1/chat/stream", { prompt: "hi" }],
      ["POST", `/api/v1/ai/insights/${randomUUID()}`, undefined],
      ["POST", "/api/v1/ai/embeddings/backfill", undefined],
    ] as const) {
      const r = await c.request<Body>(method, path, body);
      expect({ path, status: r.status, error: r.json?.error }).toEqual({
        path,
        status: 503,
        error: "ai_not_configured",
      });
    }
  });

  it("reports usage, keeps search keyword-only with the reason, and validates the prompt", async () => {
    const c = await h.signUp();
    const u = await c.get<Body>("/api/v1/ai/usage");
    expect(u.json?.data).toMatchObject({ configured: false, creditsLeft: 200, creditsMonthly: 200 });
    const s = await c.get<Body>("/api/v1/ai/search?q=knee&mode=hybrid");
    expect(s.json?.data).toMatchObject({ modeUsed: "keyword", fallbackReason: "no_provider", results: [] });
    const bad = await c.post<Body & { details?: { fields?: Record<string, string[]> } }>("/api/v1/chat", {
      prompt: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.json?.details?.fields?.prompt).toBeDefined();
    expect((await c.get<Body>("/api/v1/ai/today")).status).toBe(200);
    const cov = await c.get<Body>("/api/v1/ai/embeddings/coverage");
    expect(cov.json?.data).toMatchObject({ status: "no_provider", total: 0, indexed: 0 });
  });
});
