"use client";

import Link from "next/link";
import { AlarmClock, Check, Repeat } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { dueWords, tomorrowOf } from "./format-due";
import { useUpdateTask, type TaskView } from "./use-followups";

/**
 * One task: title, due in words, linked contacts; the row's one action on the right
 * (Done, or Reopen once done) with Snooze beside it.
 */
export function TaskRow({
  task,
  today,
  timeZone,
  focused = false,
  onFocus,
}: {
  task: TaskView;
  today: string;
  timeZone?: string;
  focused?: boolean;
  onFocus?: () => void;
}) {
  const update = useUpdateTask();
  const due = dueWords(task.due, today, timeZone);
  const done = task.status === "done";
  return (
    <li
      data-task-id={task.id}
      tabIndex={-1}
      onFocus={onFocus}
      className={cn(
        "flex items-center gap-3 rounded-lg px-2 py-2 outline-none hover:bg-bg focus-visible:ring-2 focus-visible:ring-primary",
        focused && "bg-bg",
      )}
    >
      <span className="min-w-0 flex-1">
        <span className={cn("block truncate text-sm font-medium", done && "text-muted line-through")}>
          {task.title}
          {task.rrule ? <Repeat aria-label="Repeats" size={12} className="ml-1 inline text-muted" /> : null}
        </span>
        <span className="block truncate text-xs text-muted">
          {due ? <span className={cn(due.overdue && !done && "text-danger")}>{due.text}</span> : null}
          {task.status === "snoozed" && task.snoozedUntil ? (
            <span> · snoozed until {new Date(task.snoozedUntil).toLocaleDateString()}</span>
          ) : null}
          {task.contacts.map((c) => (
            <span key={c.id}>
              {" · "}
              <Link href={`/contacts/${c.id}`} className="underline-offset-2 hover:underline">
                {c.displayName}
              </Link>
            </span>
          ))}
        </span>
      </span>
      {done ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => update.mutate({ id: task.id, patch: { status: "open" } })}
        >
          Reopen
        </Button>
      ) : (
        <>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Snooze ${task.title} until tomorrow`}
            title="Snooze until tomorrow (s)"
            onClick={() =>
              update.mutate({ id: task.id, patch: { status: "snoozed", snoozedUntil: tomorrowOf(today) } })
            }
          >
            <AlarmClock aria-hidden size={16} />
          </Button>
          <Button
            size="sm"
            aria-label={`Mark ${task.title} done`}
            title="Done (x)"
            loading={update.isPending && update.variables?.patch.status === "done"}
            onClick={() => update.mutate({ id: task.id, patch: { status: "done" } })}
          >
            <Check aria-hidden size={16} /> Done
          </Button>
        </>
      )}
    </li>
  );
}
