"use client";
import { MessageSquarePlus, Send, Sparkles } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { ApiError, api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { friendlyError } from "@/components/contacts/friendly-error";
import { MessageItem } from "./message-item";
import {
  aiErrorText,
  type ChatMessage,
  type Citation,
  type ThreadSummary,
  type ToolItem,
  type Usage,
} from "./types";
import { useChatStream } from "./use-chat-stream";

type ThreadData = {
  messages: {
    id: string;
    role: string;
    content: { text?: string; citations?: Citation[]; status?: ChatMessage["status"]; error?: string };
  }[];
  tools: (ToolItem & { messageId: string | null })[];
};

function toMessages(d: ThreadData): ChatMessage[] {
  return d.messages
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => ({
      id: m.id,
      role: m.role as ChatMessage["role"],
      text: m.content.text ?? "",
      citations: m.content.citations ?? [],
      status: m.content.status,
      error: m.content.error,
      tools: d.tools.filter((t) => t.messageId === m.id),
    }));
}

export function AssistantView() {
  const client = useQueryClient();
  const usageQ = useQuery({ queryKey: qk.ai.usage, queryFn: () => api.get<Usage>("/api/v1/ai/usage") });
  const threadsQ = useQuery({
    queryKey: qk.chat.threads,
    queryFn: () => api.get<{ threads: ThreadSummary[] }>("/api/v1/chat/threads").then((r) => r.threads),
  });
  const usage = usageQ.data ?? null;
  const threads = threadsQ.data ?? [];
  const [threadId, setThreadId] = useState<string | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [prompt, setPrompt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: qk.ai.usage });
    void client.invalidateQueries({ queryKey: qk.chat.threads });
  };
  // Braces matter: recent Chromium returns a Promise from scrollIntoView, and an effect that
  // returns anything but a function crashes React when it runs the "cleanup" on the next render.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  const open = async (id: string) => {
    setError(null);
    setThreadId(id);
    try {
      const data = await client.fetchQuery({
        queryKey: qk.chat.thread(id),
        queryFn: () => api.get<ThreadData>(`/api/v1/chat/threads/${id}`),
        staleTime: 0,
      });
      setMessages(toMessages(data));
    } catch (e) {
      setError(e instanceof ApiError ? e.code : "internal");
    }
  };
  const streamOpts = useMemo(
    () => ({
      setMessages,
      onThread: (id: string) => setThreadId(id),
      onCredits: (n: number | null) =>
        client.setQueryData<Usage>(qk.ai.usage, (u) => (u && n !== null ? { ...u, creditsLeft: n } : u)),
      onError: (code: string) => setError(code),
    }),
    [client],
  );
  const { send, busy } = useChatStream(streamOpts);
  const submit = async () => {
    const p = prompt.trim();
    if (!p || busy) return;
    setError(null);
    setPrompt("");
    await send(p, threadId);
    refresh();
  };
  const settle = (id: string, status: ToolItem["status"]) =>
    setMessages((ms) =>
      ms.map((m) => ({ ...m, tools: m.tools.map((t) => (t.id === id ? { ...t, status } : t)) })),
    );

  const loadError = usageQ.error ?? threadsQ.error;
  if (loadError)
    return (
      <ErrorState
        message={friendlyError(loadError, "the assistant")}
        onRetry={() => {
          void usageQ.refetch();
          void threadsQ.refetch();
        }}
      />
    );
  if (usageQ.isPending) return <Skeleton className="h-[60vh]" />;
  if (usage && !usage.configured)
    return (
      <EmptyState icon={Sparkles} title="The assistant is not set up yet">
        <p>
          To use it, the server needs an AI provider: set <code>AI_PROVIDER</code> (openai, openrouter or
          openai-compatible) and <code>AI_API_KEY</code> — or <code>AI_BASE_URL</code> for a local model
          server — then restart. The guide in <code>docs/ai.md</code> explains each option, what data is sent,
          and what it costs.
        </p>
      </EmptyState>
    );

  return (
    <div className="grid gap-4 md:grid-cols-[220px_1fr]">
      <aside aria-label="Conversations" className="flex flex-col gap-1">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setThreadId(null);
            setMessages([]);
            setError(null);
          }}
        >
          <MessageSquarePlus size={14} aria-hidden /> New conversation
        </Button>
        {threadsQ.isSuccess && threads.length === 0 ? (
          <p className="mt-2 px-2 text-sm text-muted">Your conversations will be listed here.</p>
        ) : null}
        <ul className="mt-2 flex flex-col gap-0.5" data-testid="thread-list">
          {threads.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                onClick={() => void open(t.id)}
                className={`w-full truncate rounded-lg px-2 py-1.5 text-left text-sm hover:bg-surface ${t.id === threadId ? "bg-surface font-medium" : ""}`}
              >
                {t.title ?? "Conversation"}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="flex min-h-[60vh] flex-col rounded-[12px] border border-border bg-bg">
        <div className="flex items-center justify-between border-b border-border px-4 py-2 text-sm text-muted">
          <span>
            Answers use your contacts and timelines. Suggested changes are saved only when you confirm.
          </span>
          {usage ? (
            <span className="tabular-nums" data-testid="credits-left">
              {usage.creditsLeft} of {usage.creditsMonthly} credits left
            </span>
          ) : null}
        </div>
        <div className="flex flex-1 flex-col gap-3 overflow-y-auto p-4" aria-live="polite">
          {messages.length === 0 ? (
            <p className="m-auto max-w-sm text-center text-muted">
              Ask about your clients: “Who haven’t I seen in a month?”, “What did Maya say about her knee?”,
              “Draft a follow-up to Sam”.
            </p>
          ) : (
            messages.map((m) => <MessageItem key={m.id} m={m} onSettled={settle} />)
          )}
          <div ref={endRef} />
        </div>
        {error ? (
          <p
            role="alert"
            className="mx-4 mb-2 rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger"
            data-testid="ai-error"
          >
            {aiErrorText(error)}
          </p>
        ) : null}
        <form
          className="flex gap-2 border-t border-border p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="assistant-prompt" className="sr-only">
            Message
          </label>
          <textarea
            id="assistant-prompt"
            rows={2}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                void submit();
              }
            }}
            placeholder="Ask about your clients…"
            className="flex-1 resize-none rounded-lg border border-border bg-surface px-3 py-2 focus:outline-none focus:ring-2 focus:ring-primary"
          />
          <Button type="submit" variant="primary" loading={busy} disabled={!prompt.trim()}>
            <Send size={14} aria-hidden /> Send
          </Button>
        </form>
      </section>
    </div>
  );
}
