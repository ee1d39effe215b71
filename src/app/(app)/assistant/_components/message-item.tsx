"use client";
import { Check, CircleAlert, FileText, ListTodo, Mail, Wrench, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/lib/api-client";
import { AnswerText } from "./answer-text";
import { aiErrorText, toolLabels, type ChatMessage, type ToolItem } from "./types";

function Proposal({
  item,
  onSettled,
}: {
  item: ToolItem;
  onSettled: (id: string, s: ToolItem["status"]) => void;
}) {
  const [busy, setBusy] = useState<"confirm" | "reject" | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const args = item.args as { body?: string; subject?: string; title?: string; due?: string };
  const isTask = item.tool === "propose_task";
  const act = async (what: "confirm" | "reject") => {
    setBusy(what);
    setErr(null);
    try {
      await api.post(`/api/v1/chat/proposals/${item.id}/${what}`);
      onSettled(item.id, what === "confirm" ? "applied" : "rejected");
    } catch {
      setErr("Could not save that. Please try again.");
    } finally {
      setBusy(null);
    }
  };
  const Icon = isTask ? ListTodo : item.tool === "propose_note" ? FileText : Mail;
  const heading = isTask
    ? "Suggested task"
    : item.tool === "propose_note"
      ? "Suggested note"
      : "Suggested follow-up email";
  return (
    <div className="mt-2 rounded-lg border border-accent/40 bg-bg p-3" data-testid="proposal">
      <div className="mb-1 flex items-center gap-2 text-sm font-medium">
        <Icon size={16} aria-hidden /> {heading}
      </div>
      {isTask ? (
        <div className="text-sm">
          <span className="font-medium">{args.title}</span>
          {args.due ? <span className="text-muted"> · due {args.due}</span> : null}
        </div>
      ) : null}
      {args.subject ? <div className="text-sm font-medium">Subject: {args.subject}</div> : null}
      <p className="whitespace-pre-wrap text-sm">{args.body}</p>
      {item.status === "proposed" ? (
        <div className="mt-2 flex gap-2">
          <Button
            size="sm"
            variant="primary"
            loading={busy === "confirm"}
            onClick={() => void act("confirm")}
          >
            <Check size={14} aria-hidden /> {isTask ? "Add task" : "Save to contact"}
          </Button>
          <Button size="sm" variant="ghost" loading={busy === "reject"} onClick={() => void act("reject")}>
            <X size={14} aria-hidden /> Discard
          </Button>
        </div>
      ) : (
        <p className="mt-2 text-sm text-muted">
          {item.status === "applied"
            ? isTask
              ? "Added to your tasks."
              : "Saved to the contact."
            : "Discarded."}
        </p>
      )}
      {err ? <p className="mt-1 text-sm text-danger">{err}</p> : null}
    </div>
  );
}

export function MessageItem({
  m,
  onSettled,
}: {
  m: ChatMessage;
  onSettled: (id: string, s: ToolItem["status"]) => void;
}) {
  if (m.role === "user")
    return (
      <div
        className="ml-auto max-w-[85%] rounded-[12px] bg-primary px-4 py-2 text-white"
        data-testid="user-message"
      >
        <p className="whitespace-pre-wrap">{m.text}</p>
      </div>
    );
  const reads = m.tools.filter((t) => !t.tool.startsWith("propose_") || t.status === "error");
  const proposals = m.tools.filter((t) => t.tool.startsWith("propose_") && t.status !== "error");
  return (
    <div
      className="max-w-[85%] rounded-[12px] border border-border bg-surface px-4 py-3"
      data-testid="assistant-message"
    >
      {reads.length ? (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label="Tool activity">
          {reads.map((t) => (
            <li
              key={t.id}
              className="inline-flex items-center gap-1 rounded-full bg-bg px-2 py-0.5 text-xs text-muted"
              data-testid="tool-activity"
            >
              <Wrench size={12} aria-hidden /> {toolLabels[t.tool] ?? t.tool}
              {t.latencyMs != null ? <span className="tabular-nums">· {t.latencyMs} ms</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {m.text ? <AnswerText text={m.text} /> : m.status === "pending" ? <Spinner /> : null}
      {proposals.map((p) => (
        <Proposal key={p.id} item={p} onSettled={onSettled} />
      ))}
      {m.citations.length ? (
        <div className="mt-2 border-t border-border pt-2 text-sm">
          <span className="text-muted">Sources: </span>
          {m.citations.map((c, i) => (
            <span key={`${c.type}:${c.id}`}>
              {i ? ", " : ""}
              <a href={c.href} className="text-primary underline" data-testid="citation">
                {c.title}
              </a>
            </span>
          ))}
        </div>
      ) : null}
      {m.status === "error" ? (
        <p className="mt-2 flex items-center gap-1.5 text-sm text-danger" role="alert">
          <CircleAlert size={14} aria-hidden /> {aiErrorText(m.error ?? "")}
        </p>
      ) : null}
    </div>
  );
}
