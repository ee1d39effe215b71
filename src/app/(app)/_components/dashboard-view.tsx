"use client";

import Link from "next/link";
import { Activity, CalendarCheck, Clock, FileUp, Plus, RefreshCw, Sparkles, Users } from "lucide-react";
import { useEffect, useState } from "react";
import { api } from "@/lib/api-client";
import { relativeTime } from "@/lib/format";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { STAGES, StageBadge } from "@/components/ui/stage-badge";
import { PageHeader } from "@/components/shell/page-header";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { Dashboard } from "@/server/dashboard/get-dashboard";
import type { TodayBrief } from "@/server/ai/insights/today-brief";

type State = { data: Dashboard | null; today: TodayBrief | null; error: string | null };

function Row({
  href,
  name,
  avatar,
  right,
  sub,
}: {
  href: string;
  name: string;
  avatar?: string | null;
  right?: string;
  sub?: string;
}) {
  return (
    <li>
      <Link href={href} className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-bg">
        <Avatar name={name} src={avatar} size={28} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{name}</span>
          {sub ? <span className="block truncate text-xs text-muted">{sub}</span> : null}
        </span>
        {right ? <span className="shrink-0 text-xs text-muted tabular">{right}</span> : null}
      </Link>
    </li>
  );
}

/** Counts by stage, who needs a follow-up, recent activity, and the AI "today" brief when available. */
export function DashboardView() {
  const [s, setS] = useState<State>({ data: null, today: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    api.get<Dashboard>("/api/v1/dashboard").then(
      (data) => !cancelled && setS((o) => ({ ...o, data, error: null })),
      (e: unknown) => !cancelled && setS((o) => ({ ...o, error: friendlyError(e, "your dashboard") })),
    );
    api.get<TodayBrief>("/api/v1/ai/today").then(
      (today) => !cancelled && setS((o) => ({ ...o, today })),
      () => undefined, // optional: the brief slot stays hidden
    );
    return () => {
      cancelled = true;
    };
  }, [tick]);

  const header = (
    <PageHeader
      title="Dashboard"
      description="Your practice at a glance."
      action={
        <Link href="/contacts?new=1" className={buttonClass("primary")}>
          <Plus aria-hidden size={16} /> New contact
        </Link>
      }
    />
  );
  if (s.error)
    return (
      <>
        {header}
        <ErrorState message={s.error} onRetry={() => setTick((t) => t + 1)} />
      </>
    );
  const d = s.data;
  if (!d)
    return (
      <>
        {header}
        <div className="grid gap-3 sm:grid-cols-4" aria-label="Loading dashboard">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
        <Skeleton className="mt-4 h-64" />
      </>
    );
  if (d.totalContacts === 0)
    return (
      <>
        {header}
        <EmptyState
          icon={Users}
          title="Welcome to OmniCRM"
          actions={
            <>
              <Link href="/contacts?new=1" className={buttonClass("primary")}>
                <Plus aria-hidden size={16} /> Add a contact
              </Link>
              <Link href="/contacts" className={buttonClass("secondary")}>
                <FileUp aria-hidden size={16} /> Import a CSV
              </Link>
              <Link href="/settings/sync" className={buttonClass("secondary")}>
                <RefreshCw aria-hidden size={16} /> Connect Google
              </Link>
            </>
          }
        >
          Start with the people you already see: add one by hand, import a spreadsheet, or connect Gmail and
          Calendar.
        </EmptyState>
      </>
    );

  const today = s.today;
  return (
    <>
      {header}
      <section aria-labelledby="stages-h" className="mb-6">
        <h2 id="stages-h" className="sr-only">
          Contacts by stage
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          <li>
            <Link
              href="/contacts"
              className="block rounded-[12px] border border-border bg-surface p-3 hover:border-primary"
            >
              <span className="block text-2xl font-semibold tabular">{d.totalContacts}</span>
              <span className="text-xs text-muted">All contacts</span>
            </Link>
          </li>
          {STAGES.map((st) => (
            <li key={st}>
              <Link
                href={`/contacts?stage=${encodeURIComponent(st)}`}
                className="block rounded-[12px] border border-border bg-surface p-3 hover:border-primary"
              >
                <span className="block text-2xl font-semibold tabular">{d.countsByStage[st] ?? 0}</span>
                <StageBadge stage={st} className="mt-1" />
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {today && (today.sessionsToday.length || today.followUps.length) ? (
          <Card className="lg:col-span-2">
            <CardTitle>
              <span className="flex items-center gap-2">
                <Sparkles aria-hidden size={16} className="text-accent" /> Today
              </span>
            </CardTitle>
            <ul className="grid gap-1 sm:grid-cols-2">
              {today.sessionsToday.map((x) => (
                <li key={x.id} className="flex items-center gap-2 px-2 py-1.5 text-sm">
                  <CalendarCheck aria-hidden size={16} className="text-primary" />
                  <span className="tabular text-muted">
                    {new Date(x.startsAt).toLocaleTimeString(undefined, { timeStyle: "short" })}
                  </span>
                  {x.contactId ? (
                    <Link
                      href={`/contacts/${x.contactId}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {x.name ?? x.title}
                    </Link>
                  ) : (
                    <span>{x.title}</span>
                  )}
                </li>
              ))}
              {today.followUps.slice(0, 6).map((f) => (
                <Row
                  key={f.contactId}
                  href={`/contacts/${f.contactId}`}
                  name={f.name}
                  sub={f.nextStep ?? f.reason}
                />
              ))}
            </ul>
          </Card>
        ) : null}
        <Card>
          <CardTitle
            action={
              <Link href="/contacts?noContactInDays=45" className="text-sm text-primary underline">
                See all
              </Link>
            }
          >
            <span className="flex items-center gap-2">
              <Clock aria-hidden size={16} className="text-accent" /> Needs a follow-up
            </span>
          </CardTitle>
          {d.needsFollowUp.length ? (
            <ul>
              {d.needsFollowUp.slice(0, 8).map((f) => (
                <Row
                  key={f.contact.id}
                  href={`/contacts/${f.contact.id}`}
                  name={f.contact.displayName}
                  avatar={f.contact.avatarUrl}
                  sub={f.contact.stage}
                  right={`${f.daysSinceLastInteraction} days quiet`}
                />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">
              Nobody has gone quiet. Clients who usually see you but haven&apos;t lately will show up here.
            </p>
          )}
        </Card>
        <Card>
          <CardTitle>
            <span className="flex items-center gap-2">
              <Activity aria-hidden size={16} className="text-primary" /> Recent activity
            </span>
          </CardTitle>
          {d.recentActivity.length ? (
            <ul>
              {d.recentActivity.slice(0, 8).map((a) => (
                <Row
                  key={`${a.kind}-${a.id}`}
                  href={`/contacts/${a.contactId}`}
                  name={a.contactName}
                  sub={a.title}
                  right={relativeTime(a.at)}
                />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Notes, sessions and emails will appear here as they happen.</p>
          )}
        </Card>
      </div>
    </>
  );
}
