import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "@/server/db/client";
import { runChat } from "@/server/ai/chat/run-chat";
import { streamChat } from "@/server/ai/chat/stream-chat";
import { getThread } from "@/server/ai/chat/get-thread";
import { getAiUsage } from "@/server/ai/get-ai-usage";
import { generateContactInsight } from "@/server/ai/insights/generate-contact-insight";
import { MAX_ANSWER_CHARS, OUTPUT_LIMITS } from "@/server/ai/output-limits";
import { setAiModelsForTests } from "@/server/ai/provider";
import { addContact, newUserCtx } from "@/server/ai/testing/fixtures";
import { resetCircuitBreakers } from "@/server/resilience/circuit-breaker";
import { useTestDb } from "@/server/testing/test-db";
import { createStubServer, stubRequests } from "./server";

type Event = { type: string; text?: string; delta?: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Model output is bounded and a client's abort is no provider failure: the real provider
// path (HTTP, SSE) against the stub, which ignores max_tokens like a misbehaving server.
describe("bounded model output and stream cancel (stub provider)", () => {
  let h: DbHandle;
  const server = createStubServer();
  const saved = { ...process.env };
  const setEnv = (v: Record<string, string | undefined>) => {
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) delete process.env[k];
      else process.env[k] = val;
    }
    resetEnvCache();
    setAiModelsForTests(undefined);
  };
  beforeAll(async () => {
    h = await useTestDb();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    setEnv({
      AI_PROVIDER: "openai-compatible",
      AI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      AI_API_KEY: "stub",
      RATE_LIMIT_AI_PER_MIN: "1000",
    });
  });
  beforeEach(() => {
    stubRequests.length = 0;
    resetCircuitBreakers();
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    setAiModelsForTests(undefined);
    await new Promise((r) => server.close(r));
  });

  const chatRequests = () => stubRequests.filter((r) => String(r.path).endsWith("/chat/completions"));

  it("caps a 5 MB answer from POST /chat: returned, stored and asked for with max_tokens", async () => {
    const ctx = await newUserCtx(h);
    const r = await runChat(ctx, { prompt: "Please reply with 5 MB" });
    expect(r.text.length).toBe(MAX_ANSWER_CHARS);
    const t = await getThread(ctx, r.threadId);
    const stored = JSON.stringify(t);
    expect(stored.length).toBeLessThan(MAX_ANSWER_CHARS + 5_000);
    expect(chatRequests().length).toBeGreaterThan(0);
    for (const req of chatRequests()) expect(req.max_tokens).toBe(OUTPUT_LIMITS.chat.maxOutputTokens);
  });

  it("stops a streamed 5 MB answer at the cap", async () => {
    const ctx = await newUserCtx(h);
    const stream = await streamChat(ctx, { prompt: "Please reply with 5 MB" });
    const body = await new Response(stream).text();
    expect(body.length).toBeLessThan(3 * MAX_ANSWER_CHARS);
    const events = body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Event);
    const done = events.at(-1)!;
    expect(done.type).toBe("done");
    expect(done.text!.length).toBe(MAX_ANSWER_CHARS);
    for (const req of chatRequests()) expect(req.max_tokens).toBe(OUTPUT_LIMITS.chat.maxOutputTokens);
  });

  it("asks for an insight with the insight's output limit", async () => {
    const ctx = await newUserCtx(h);
    const id = await addContact(h, ctx.userId, { name: "Ada Byron", stage: "Core Client", lastDaysAgo: 3 });
    await generateContactInsight(ctx, { contactId: id });
    expect(chatRequests().length).toBeGreaterThan(0);
    for (const req of chatRequests()) expect(req.max_tokens).toBe(OUTPUT_LIMITS.insight.maxOutputTokens);
  });

  it("refuses a call whose worst-case cost (at the output cap) does not fit the daily cost cap", async () => {
    const ctx = await newUserCtx(h);
    // gpt-4o-mini: 12,000 output tokens at most ≈ $0.0072 > $0.005.
    setEnv({ AI_DAILY_COST_CAP_USD: "0.005" });
    try {
      await expect(runChat(ctx, { prompt: "hi" })).rejects.toMatchObject({ code: "rate_limited_daily_cost" });
      expect(chatRequests()).toHaveLength(0);
    } finally {
      setEnv({ AI_DAILY_COST_CAP_USD: undefined });
    }
  });

  it("keeps the credit of a cancelled stream and never counts cancels toward the breaker", async () => {
    const ctx = await newUserCtx(h);
    const before = (await getAiUsage(ctx)).creditsLeft!;
    const threads: string[] = [];
    // More cancels than the breaker's threshold (5).
    for (let i = 0; i < 6; i++) {
      const stream = await streamChat(ctx, { prompt: "Please reply slowly" });
      const reader = stream.getReader();
      const first = JSON.parse(new TextDecoder().decode((await reader.read()).value)) as { threadId: string };
      threads.push(first.threadId);
      await reader.read(); // some text has arrived
      await reader.cancel();
    }
    // Each cancelled turn settles (status + accounting) shortly after.
    for (const id of threads) {
      for (let i = 0; i < 100; i++) {
        const t = await getThread(ctx, id);
        const last = JSON.stringify(t.messages.at(-1));
        if (!last.includes('"pending"')) break;
        await sleep(50);
      }
    }
    await sleep(200);
    expect((await getAiUsage(ctx)).creditsLeft).toBe(before - 6);
    // Another user is unaffected: the provider's circuit is still closed.
    const other = await newUserCtx(h);
    const r = await runChat(other, { prompt: "hello" });
    expect(r.text).toContain("Stub reply");
  });

  it("never refunds a stream that succeeded, even if the client goes away at the end", async () => {
    const ctx = await newUserCtx(h);
    const before = (await getAiUsage(ctx)).creditsLeft!;
    const stream = await streamChat(ctx, { prompt: "hello there" });
    const reader = stream.getReader();
    // Read until the answer is complete on the server side, then leave before "done" is read.
    let seen = "";
    while (!seen.includes('"type":"done"')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    await reader.cancel();
    await sleep(200);
    expect((await getAiUsage(ctx)).creditsLeft).toBe(before - 1);
  });
});
