"use client";
import { useCallback, useState } from "react";
import type { ChatMessage, Citation, ToolItem } from "./types";

type Event =
  | { type: "thread"; threadId: string; messageId: string; creditsLeft: number | null }
  | { type: "text"; delta: string }
  | { type: "tool"; id: string; tool: string; status: ToolItem["status"]; latencyMs: number; args: unknown }
  | { type: "done"; text: string; citations: Citation[]; creditsLeft: number | null }
  | { type: "error"; error: string };

function csrfToken(): string {
  const m = /(?:^|;\s*)csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : "";
}

/**
 * Sends a prompt to the streaming endpoint and folds its NDJSON events into the message
 * list as they arrive (text, tool activity, proposals). Limits arrive as a normal error
 * envelope before any event and are reported through `onError`.
 */
export function useChatStream(opts: {
  setMessages: (f: (m: ChatMessage[]) => ChatMessage[]) => void;
  onThread: (id: string) => void;
  onCredits: (n: number | null) => void;
  onError: (code: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const send = useCallback(
    async (prompt: string, threadId: string | null) => {
      const { setMessages } = opts;
      setBusy(true);
      const userMsg: ChatMessage = {
        id: `u-${Date.now()}`,
        role: "user",
        text: prompt,
        citations: [],
        tools: [],
      };
      const pendingId = `a-${Date.now()}`;
      setMessages((m) => [
        ...m,
        userMsg,
        { id: pendingId, role: "assistant", text: "", citations: [], tools: [], status: "pending" },
      ]);
      const patch = (f: (a: ChatMessage) => ChatMessage) =>
        setMessages((m) => m.map((x) => (x.id === pendingId ? f(x) : x)));
      try {
        const send = (retry: boolean): Promise<Response> =>
          fetch("/api/v1/chat/stream", {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": csrfToken() },
            body: JSON.stringify(threadId ? { prompt, threadId } : { prompt }),
            credentials: "same-origin",
          }).then(async (r) => {
            if (!r.ok && r.status === 403 && !retry) {
              const body = (await r
                .clone()
                .json()
                .catch(() => null)) as { error?: string } | null;
              if (body?.error === "missing_csrf") return send(true);
            }
            return r;
          });
        const res = await send(false);
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => null)) as { error?: string } | null;
          const code = body?.error ?? `http_${res.status}`;
          setMessages((m) => m.filter((x) => x.id !== pendingId && x.id !== userMsg.id));
          opts.onError(code);
          return;
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buf += value;
          let nl: number;
          while ((nl = buf.indexOf("\n")) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (!line) continue;
            const e = JSON.parse(line) as Event;
            if (e.type === "thread") {
              opts.onThread(e.threadId);
              opts.onCredits(e.creditsLeft);
            } else if (e.type === "text") patch((a) => ({ ...a, text: a.text + e.delta }));
            else if (e.type === "tool")
              patch((a) => ({
                ...a,
                tools: [
                  ...a.tools,
                  { id: e.id, tool: e.tool, status: e.status, latencyMs: e.latencyMs, args: e.args },
                ],
              }));
            else if (e.type === "done") {
              patch((a) => ({ ...a, text: e.text, citations: e.citations, status: "done" }));
              opts.onCredits(e.creditsLeft);
            } else if (e.type === "error") {
              patch((a) => ({ ...a, status: "error", error: e.error }));
            }
          }
        }
      } catch {
        patch((a) => ({ ...a, status: "error", error: "network" }));
      } finally {
        setBusy(false);
      }
    },
    [opts],
  );
  return { send, busy };
}
