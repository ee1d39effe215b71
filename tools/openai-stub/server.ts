import { createServer, type IncomingMessage, type Server } from "node:http";
import { conceptEmbedding } from "../../src/server/ai/testing/concept-embedding";
import { decide, type StubMessage } from "./stub-logic";

/** The last request bodies the stub received (newest last), so tests can check what was asked. */
export const stubRequests: Record<string, unknown>[] = [];

/**
 * A local OpenAI-compatible server for e2e tests and offline demos: /v1/chat/completions
 * (JSON and SSE streaming, tool calls) and /v1/embeddings (deterministic concept vectors).
 * Point the app at it with AI_PROVIDER=openai-compatible AI_BASE_URL=http://127.0.0.1:PORT/v1.
 * Like a misbehaving server, it ignores max_tokens ("reply with 5 MB" answers 5 MB), and
 * "reply slowly" streams one chunk every 50 ms.
 */
export function createStubServer(): Server {
  return createServer((req, res) => {
    void handle(req)
      .then(async ({ status, body, sse, delayMs }) => {
        if (sse) {
          res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
          for (const chunk of sse) {
            if (res.destroyed) return;
            res.write(`data: ${JSON.stringify(chunk)}\n\n`);
            if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          }
          res.end("data: [DONE]\n\n");
          return;
        }
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      })
      .catch((e: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: String(e) } }));
      });
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
}

let seq = 0;

async function handle(
  req: IncomingMessage,
): Promise<{ status: number; body?: unknown; sse?: unknown[]; delayMs?: number }> {
  const url = new URL(req.url ?? "/", "http://stub");
  if (req.method === "GET" && url.pathname.endsWith("/models"))
    return { status: 200, body: { object: "list", data: [{ id: "stub-chat", object: "model" }] } };
  if (req.method !== "POST") return { status: 404, body: { error: { message: "not found" } } };
  const body = await readJson(req);
  stubRequests.push({ path: url.pathname, ...body, messages: undefined, input: undefined });
  if (stubRequests.length > 200) stubRequests.shift();
  if (url.pathname.endsWith("/embeddings")) {
    const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
    const dims = typeof body.dimensions === "number" ? body.dimensions : 1536;
    return {
      status: 200,
      body: {
        object: "list",
        model: body.model,
        data: input.map((t, index) => ({ object: "embedding", index, embedding: conceptEmbedding(t, dims) })),
        usage: { prompt_tokens: input.join(" ").length >> 2, total_tokens: input.join(" ").length >> 2 },
      },
    };
  }
  if (!url.pathname.endsWith("/chat/completions"))
    return { status: 404, body: { error: { message: "not found" } } };
  const messages = (body.messages ?? []) as StubMessage[];
  const reply = decide(messages);
  const id = `chatcmpl-stub-${++seq}`;
  const usage = {
    prompt_tokens: JSON.stringify(messages).length >> 2,
    completion_tokens: 12,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const toolCall =
    "tool" in reply
      ? {
          id: `call_${seq}`,
          type: "function",
          function: { name: reply.tool, arguments: JSON.stringify(reply.args) },
        }
      : null;
  const finish = toolCall ? "tool_calls" : "stop";
  const base = { id, created: Math.floor(Date.now() / 1000), model: body.model };
  if (!body.stream) {
    const message = toolCall
      ? { role: "assistant", content: null, tool_calls: [toolCall] }
      : { role: "assistant", content: (reply as { text: string }).text };
    return {
      status: 200,
      body: {
        ...base,
        object: "chat.completion",
        choices: [{ index: 0, message, finish_reason: finish }],
        usage,
      },
    };
  }
  const chunk = (delta: unknown, finish_reason: string | null = null) => ({
    ...base,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, finish_reason }],
  });
  const sse: unknown[] = [chunk({ role: "assistant", content: "" })];
  if (toolCall) sse.push(chunk({ tool_calls: [{ index: 0, ...toolCall }] }));
  else {
    const text = (reply as { text: string }).text;
    // Words, or 64 KB slices of a reply without spaces (the 5 MB one).
    const parts = text.length > 100_000 ? (text.match(/[^]{1,65536}/g) ?? []) : text.split(/(?<= )/);
    for (const part of parts) sse.push(chunk({ content: part }));
  }
  sse.push(chunk({}, finish));
  sse.push({ ...base, object: "chat.completion.chunk", choices: [], usage });
  return { status: 200, sse, delayMs: (reply as { slow?: boolean }).slow ? 50 : 0 };
}
