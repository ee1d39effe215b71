"use client";

import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Check, Sparkles, X } from "lucide-react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { useInvalidateFollowups } from "@/components/followups/use-followups";
import type { TaskSuggestionList } from "@/server/promises/schemas";

/**
 * Promises found in the user's own mail and notes, to accept (→ a task) or dismiss. Without
 * an AI provider it says so and how to turn it on, instead of pretending to look.
 */
export function TaskSuggestions() {
  const invalidate = useInvalidateFollowups();
  const q = useQuery({
    queryKey: ["tasks", "suggestions"],
    queryFn: () => api.get<TaskSuggestionList>("/api/v1/tasks/suggestions"),
  });
  const settle = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "accept" | "dismiss" }) =>
      api.post(`/api/v1/tasks/suggestions/${id}/${action}`),
    onSuccess: async (_r, { action }) => {
      await invalidate();
      if (action === "accept") toast({ title: "Added to your tasks", tone: "success" });
    },
    onError: (e) => toast({ title: "Could not save that", description: friendlyError(e), tone: "error" }),
  });
  if (!q.data) return null;
  if (!q.data.aiConfigured)
    return (
      <p className="mb-4 flex items-start gap-2 text-xs text-muted" data-testid="promises-off">
        <Sparkles size={14} aria-hidden className="mt-0.5 shrink-0" />
        {q.data.hint}
      </p>
    );
  if (!q.data.items.length) return null;
  return (
    <Card className="mb-4 p-3" aria-label="Suggested tasks">
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <Sparkles size={16} aria-hidden /> Promises you made
      </h2>
      <ul className="space-y-2">
        {q.data.items.map((s) => (
          <li key={s.id} className="flex items-start justify-between gap-3" data-testid="task-suggestion">
            <div className="min-w-0 text-sm">
              <div className="font-medium">{s.title}</div>
              <div className="text-xs text-muted">
                {s.due ? `Due ${s.due.slice(0, 10)} · ` : ""}
                {s.source === "email" ? "from an email you sent" : "from your note"}
                {s.contact ? ` to ${s.contact.displayName}` : ""}
                {s.sourceHref ? (
                  <>
                    {" · "}
                    <Link href={s.sourceHref} className="underline">
                      open
                    </Link>
                  </>
                ) : null}
              </div>
              {s.quote ? <p className="mt-1 text-xs italic text-muted">“{s.quote}”</p> : null}
            </div>
            <div className="flex shrink-0 gap-1">
              <Button
                size="sm"
                variant="primary"
                loading={
                  settle.isPending && settle.variables?.id === s.id && settle.variables.action === "accept"
                }
                onClick={() => settle.mutate({ id: s.id, action: "accept" })}
              >
                <Check size={14} aria-hidden /> Add
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Dismiss ${s.title}`}
                onClick={() => settle.mutate({ id: s.id, action: "dismiss" })}
              >
                <X size={14} aria-hidden />
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
