"use client";

import { useEffect, useRef, useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CheckSquare } from "lucide-react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { PageHeader } from "@/components/shell/page-header";
import { NEW_CONTACT_EVENT } from "@/components/shell/shortcuts";
import { friendlyError } from "@/components/contacts/friendly-error";
import { tomorrowOf } from "@/components/followups/format-due";
import { QuickAdd } from "@/components/followups/quick-add";
import { TaskRow } from "@/components/followups/task-row";
import { TaskSuggestions } from "@/components/followups/task-suggestions";
import { followupKeys, useUpdateTask } from "@/components/followups/use-followups";
import type { TaskPage } from "@/server/tasks/schemas";
import type { Today } from "@/server/today/schemas";

const FILTERS = [
  { value: "open", label: "Open" },
  { value: "snoozed", label: "Snoozed" },
  { value: "done", label: "Done" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)));
}

/**
 * Tasks, keyboard-first: `n` (or `a`) adds in words, `j`/`k` move, `x` done, `s` snooze
 * until tomorrow, `1`/`2`/`3` switch Open / Snoozed / Done.
 */
export function TasksView() {
  const [filter, setFilter] = useState<Filter>("open");
  const [focus, setFocus] = useState(0);
  const quick = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const update = useUpdateTask();
  // The user's own date and zone (not the device's) for "today" and "overdue".
  const today = useQuery({ queryKey: followupKeys.today, queryFn: () => api.get<Today>("/api/v1/today") });
  const q = useInfiniteQuery({
    queryKey: followupKeys.tasks({ status: filter }),
    queryFn: ({ pageParam }) =>
      api.get<TaskPage>(
        `/api/v1/tasks?status=${filter}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const date = today.data?.date ?? new Date().toISOString().slice(0, 10);
  const current = items[Math.min(focus, items.length - 1)];

  useEffect(() => {
    const onNew = (e: Event) => {
      e.preventDefault();
      quick.current?.focus();
    };
    window.addEventListener(NEW_CONTACT_EVENT, onNew);
    return () => window.removeEventListener(NEW_CONTACT_EVENT, onNew);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector("[role=dialog],[role=menu]")) return;
      const move = (i: number) => {
        const next = Math.max(0, Math.min(items.length - 1, i));
        setFocus(next);
        list.current?.querySelectorAll<HTMLElement>("li[data-task-id]")[next]?.focus();
      };
      if (e.key === "a") quick.current?.focus();
      else if (e.key === "j") move(focus + 1);
      else if (e.key === "k") move(focus - 1);
      else if (e.key === "x" && current)
        update.mutate({ id: current.id, patch: { status: current.status === "done" ? "open" : "done" } });
      else if (e.key === "s" && current && current.status !== "done")
        update.mutate({ id: current.id, patch: { status: "snoozed", snoozedUntil: tomorrowOf(date) } });
      else if (["1", "2", "3"].includes(e.key)) setFilter(FILTERS[Number(e.key) - 1]!.value);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items.length, focus, current, update, date]);

  return (
    <>
      <PageHeader title="Tasks" description="Type a task in words; the date is read in your time zone." />
      <div className="mb-4 max-w-xl">
        <QuickAdd ref={quick} />
        <p className="mt-2 text-xs text-muted">
          Keys: <kbd>n</kbd> add · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> done · <kbd>s</kbd> snooze ·{" "}
          <kbd>1</kbd>–<kbd>3</kbd> filter
        </p>
      </div>
      <TaskSuggestions />
      <div role="tablist" aria-label="Which tasks" className="mb-3 flex gap-1">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            role="tab"
            aria-selected={filter === f.value}
            onClick={() => setFilter(f.value)}
            className={`rounded-lg px-3 py-1.5 text-sm font-medium max-md:min-h-[44px] ${filter === f.value ? "bg-primary text-white" : "text-muted hover:bg-bg"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <div role="status" aria-label="Loading tasks" className="space-y-2">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : q.isError ? (
        <ErrorState message={friendlyError(q.error, "your tasks")} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={CheckSquare} title={filter === "open" ? "No open tasks" : `No ${filter} tasks`}>
          {filter === "open"
            ? "Add one above in your own words, e.g. “Send Maya the stretch PDF by Friday”."
            : null}
        </EmptyState>
      ) : (
        <Card className="p-2">
          <ul ref={list} aria-label="Tasks">
            {items.map((t, i) => (
              <TaskRow
                key={t.id}
                task={t}
                today={date}
                timeZone={today.data?.timeZone}
                focused={i === focus}
                onFocus={() => setFocus(i)}
              />
            ))}
          </ul>
          {q.hasNextPage ? (
            <div className="p-2">
              <Button size="sm" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                Show more
              </Button>
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
