import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "@/server/db/client";
import { runChat } from "@/server/ai/chat/run-chat";
import { streamChat } from "@/server/ai/chat/stream-chat";
import { getThread } from "@/server/ai/chat/get-thread";
import { embedQuery } from "@/server/ai/search/semantic-hits";
import { resolveModels, setAiModelsForTests } from "@/server/ai/provider";
import { addContact, newUserCtx } from "@/server/ai/testing/fixtures";
import { useTestDb } from "@/server/testing/test-db";
import { createStubServer } from "./server";

// The real provider path (createOpenAICompatible → HTTP → SSE parsing) against the stub.
describe("OpenAI-compatible stub through the real provider", () => {
  let h: DbHandle;
  const server = createStubServer();
  const saved = { ...process.env };
  beforeAll(async () => {
    h = await useTestDb();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    Object.assign(process.env, {
      AI_PROVIDER: "openai-compatible",
      AI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      AI_API_KEY: "stub",
    });
    resetEnvCache();
    setAiModelsForTests(undefined);
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    setAiModelsForTests(undefined);
    await new Promise((r) => server.close(r));
  });

  it("is configured from the environment", () => {
    expect(resolveModels()).toMatchObject({ provider: "openai-compatible", chatModelId: "gpt-4o-mini" });
  });

  it("runs a tool-calling chat and a streamed one with a proposal", async () => {
    const ctx = await newUserCtx(h);
    const kim = await addContact(h, ctx.userId, {
      name: "Kim Ito",
      stage: "At Risk Client",
      lastDaysAgo: 50,
    });
    const r = await runChat(ctx, { prompt: "Who should I follow up with?" });
    expect(r.text).toContain(`[Kim Ito](/contacts/${kim})`);
    expect(r.citations[0]).toMatchObject({ id: kim });
    const stream = await streamChat(ctx, { prompt: "Add a note for Kim Ito", threadId: r.threadId });
    const events = (await new Response(stream).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; tool?: string; status?: string });
    expect(events.filter((e) => e.type === "tool").map((e) => [e.tool, e.status])).toEqual([
      ["search_contacts", "ok"],
      ["propose_note", "proposed"],
    ]);
    expect(events.at(-1)).toMatchObject({ type: "done" });
    const t = await getThread(ctx, r.threadId);
    expect(t.messages).toHaveLength(4);
  });

  it("embeds through /v1/embeddings", async () => {
    const ctx = await newUserCtx(h);
    const v = await embedQuery(ctx, "tired and exhausted");
    expect(v).toHaveLength(1536);
  });
});
