"use client";

import Link from "next/link";
import { useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { CalendarCheck, Cake, CheckSquare, HeartHandshake, Sun } from "lucide-react";
import { api } from "@/lib/api-client";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { PageHeader } from "@/components/shell/page-header";
import { friendlyError } from "@/components/contacts/friendly-error";
import { DueContactActions } from "@/components/followups/due-contact-actions";
import { QuickAdd } from "@/components/followups/quick-add";
import { TaskRow } from "@/components/followups/task-row";
import { followupKeys } from "@/components/followups/use-followups";
import type { Today } from "@/server/today/schemas";
import { DashboardView } from "./dashboard-view";

function rhythmWords(days: number): string {
  if (days === 1) return "every day";
  if (days % 7 === 0) return days === 7 ? "every week" : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

function whyWords(d: Today["dueContacts"][number]): string {
  const seen = d.lastInteractionAt
    ? `last seen ${d.daysSince === 1 ? "yesterday" : `${d.daysSince} days ago`}`
    : `added ${d.daysSince} days ago, no contact yet`;
  const from = d.why.kind === "contact" ? "" : ` (${d.why.name} default)`;
  return `${rhythmWords(d.everyDays)}${from} · ${seen}`;
}

/**
 * Home once there is data: the day in the order a morning goes — sessions, tasks due,
 * people due for contact (with why), birthdays — each row with its one action on the right.
 */
export function TodayView() {
  const q = useQuery({ queryKey: followupKeys.today, queryFn: () => api.get<Today>("/api/v1/today") });
  const quick = useRef<HTMLInputElement>(null);
  if (q.isPending)
    return (
      <div role="status" aria-label="Loading today">
        <Skeleton className="mb-6 h-10 w-48" />
        <Skeleton className="mb-4 h-32" />
        <Skeleton className="h-48" />
      </div>
    );
  if (q.isError)
    return (
      <>
        <PageHeader title="Today" />
        <ErrorState message={friendlyError(q.error, "today's list")} onRetry={() => void q.refetch()} />
      </>
    );
  const t = q.data;
  if (!t.hasData) return <DashboardView />;
  const dateWords = new Intl.DateTimeFormat(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${t.date}T12:00:00Z`));
  const time = (iso: string) =>
    new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone: t.timeZone }).format(
      new Date(iso),
    );
  const nothing = !t.sessions.length && !t.tasks.length && !t.dueContacts.length && !t.birthdays.length;
  return (
    <>
      <PageHeader
        title="Today"
        description={dateWords}
        action={
          <Link href="/dashboard" className="text-sm text-primary underline">
            Dashboard
          </Link>
        }
      />
      <div className="mb-6 max-w-xl">
        <QuickAdd ref={quick} />
      </div>
      <div className="flex max-w-3xl flex-col gap-4">
        {nothing ? (
          <Card>
            <p className="flex items-center gap-2 text-sm">
              <Sun aria-hidden size={18} className="text-accent" /> Nothing due today. Enjoy the quiet — or
              set keep-in-touch rhythms in{" "}
              <Link href="/settings/followups#rhythms" className="text-primary underline">
                Settings
              </Link>{" "}
              so the people who matter come back to you here.
            </p>
          </Card>
        ) : null}
        {t.sessions.length ? (
          <Card>
            <CardTitle>
              <span className="flex items-center gap-2">
                <CalendarCheck aria-hidden size={16} className="text-primary" /> Sessions
              </span>
            </CardTitle>
            <ul aria-label="Sessions today">
              {t.sessions.map((s) => (
                <li key={s.id} className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-bg">
                  <span className="w-14 shrink-0 text-sm tabular text-muted">{time(s.startsAt)}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">
                      {s.contacts.map((c) => c.displayName).join(", ") || s.title || "Session"}
                    </span>
                    <span className="block truncate text-xs text-muted">
                      {s.contacts.find((c) => c.lastNote)?.lastNote ?? s.title ?? ""}
                    </span>
                  </span>
                  {s.contacts[0] ? (
                    <Link
                      href={`/contacts/${s.contacts[0].id}`}
                      className="text-sm font-medium text-primary underline-offset-2 hover:underline"
                    >
                      Open
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {t.tasks.length ? (
          <Card>
            <CardTitle
              action={
                <Link href="/tasks" className="text-sm text-primary underline">
                  All tasks
                </Link>
              }
            >
              <span className="flex items-center gap-2">
                <CheckSquare aria-hidden size={16} className="text-primary" /> Tasks
              </span>
            </CardTitle>
            <ul aria-label="Tasks due">
              {t.tasks.map((task) => (
                <TaskRow key={task.id} task={task} today={t.date} timeZone={t.timeZone} />
              ))}
            </ul>
          </Card>
        ) : null}
        {t.dueContacts.length ? (
          <Card>
            <CardTitle>
              <span className="flex items-center gap-2">
                <HeartHandshake aria-hidden size={16} className="text-accent" /> Due for contact
                {t.dueContactsMore ? (
                  <span className="text-sm font-normal text-muted">
                    (longest quiet first; more after these)
                  </span>
                ) : null}
              </span>
            </CardTitle>
            <ul aria-label="Due for contact">
              {t.dueContacts.map((d) => (
                <li key={d.contactId} className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-bg">
                  <Avatar name={d.displayName} src={d.avatarUrl} size={28} />
                  <span className="min-w-0 flex-1">
                    <Link
                      href={`/contacts/${d.contactId}`}
                      className="block truncate text-sm font-medium underline-offset-2 hover:underline"
                    >
                      {d.displayName}
                    </Link>
                    <span className="block truncate text-xs text-muted">{whyWords(d)}</span>
                  </span>
                  <DueContactActions contactId={d.contactId} name={d.displayName} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {t.birthdays.length ? (
          <Card>
            <CardTitle>
              <span className="flex items-center gap-2">
                <Cake aria-hidden size={16} className="text-accent" /> Birthdays and anniversaries
              </span>
            </CardTitle>
            <ul aria-label="Birthdays and anniversaries">
              {t.birthdays.map((b) => (
                <li
                  key={`${b.kind}-${b.contactId}`}
                  className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-bg"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{b.displayName}</span>
                    <span className="block truncate text-xs text-muted">
                      {b.kind === "birthday"
                        ? `Birthday${b.years ? ` (${b.years})` : ""}`
                        : `${b.years} year${b.years === 1 ? "" : "s"} since the first session`}
                      {" · "}
                      {b.inDays === 0 ? "today" : b.inDays === 1 ? "tomorrow" : `in ${b.inDays} days`}
                    </span>
                  </span>
                  <Link
                    href={`/contacts/${b.contactId}`}
                    className="text-sm font-medium text-primary underline-offset-2 hover:underline"
                  >
                    Open
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
