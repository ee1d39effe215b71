"use client";

import {
  CalendarCheck,
  CalendarDays,
  ChevronDown,
  ChevronRight,
  ExternalLink,
  FileText,
  Mail,
  Phone,
  Pin,
  Reply,
  StickyNote,
  type LucideIcon,
} from "lucide-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Markdown } from "@/components/ui/markdown";
import { Skeleton, Spinner } from "@/components/ui/spinner";
import { dateTime, relativeTime } from "@/lib/format";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { TimelineItem } from "@/components/contacts/types";
import type { InteractionView } from "@/server/interactions/schemas";
import type { ReplyTarget } from "@/components/outbox/compose-email-dialog";

const icons: Record<string, LucideIcon> = {
  email: Mail,
  meeting: CalendarDays,
  call: Phone,
  session: CalendarCheck,
  note: StickyNote,
  document: FileText,
};
const typeLabel: Record<string, string> = {
  email: "Email",
  meeting: "Meeting",
  call: "Call",
  session: "Session",
  note: "Note",
  document: "Document",
};

function title(it: TimelineItem): string {
  if (it.kind === "note") return "Note";
  const who = it.direction === "inbound" ? "from them" : it.direction === "outbound" ? "from you" : "";
  return `${typeLabel[it.type] ?? it.type}${who ? ` ${who}` : ""}${it.subject ? `: ${it.subject}` : ""}`;
}

function Entry({ it, onReply }: { it: TimelineItem; onReply?: (r: ReplyTarget) => void }) {
  const [open, setOpen] = useState(false);
  const Icon = icons[it.kind === "note" ? "note" : it.type] ?? StickyNote;
  const preview = it.kind === "note" ? it.body : (it.summary ?? it.snippet ?? "");
  // The full body of an interaction is read on first expand (and cached).
  const detail = useQuery({
    queryKey: qk.interaction(it.id),
    queryFn: () => api.get<InteractionView>(`/api/v1/interactions/${it.id}`),
    enabled: open && it.kind === "interaction",
  });
  const fallback = it.kind === "interaction" ? (it.snippet ?? "") : "";
  const full = detail.data ? (detail.data.body ?? detail.data.summary ?? "") : detail.error ? fallback : null;
  const loading = detail.isLoading;
  const toggle = () => setOpen(!open);
  return (
    <li className="relative flex gap-3 pb-5 pl-1">
      <span className="z-[1] mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full border border-border bg-surface text-primary">
        <Icon aria-hidden size={16} />
      </span>
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={open}
          className="flex w-full items-start justify-between gap-3 rounded-md text-left"
        >
          <span className="min-w-0">
            <span className="flex items-center gap-1 font-medium">
              {open ? <ChevronDown aria-hidden size={14} /> : <ChevronRight aria-hidden size={14} />}
              <span className="truncate">{title(it)}</span>
              {it.kind === "note" && it.pinned ? (
                <Pin aria-label="Pinned" size={12} className="text-accent" />
              ) : null}
            </span>
            {!open && preview ? (
              <span className="mt-0.5 line-clamp-2 block text-sm text-muted">{preview}</span>
            ) : null}
          </span>
          <time dateTime={it.at} title={dateTime(it.at)} className="shrink-0 text-xs text-muted">
            {relativeTime(it.at)}
          </time>
        </button>
        {it.kind === "interaction" && it.link ? (
          <a
            href={it.link}
            target="_blank"
            rel="noopener noreferrer"
            className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-primary underline"
          >
            Open in Google Drive <ExternalLink aria-hidden size={12} />
          </a>
        ) : null}
        {open ? (
          <div className="mt-2 rounded-lg border border-border bg-bg p-3 text-sm">
            {loading ? (
              <Spinner />
            ) : (
              <Markdown source={(it.kind === "note" ? it.body : full) || "No details recorded."} />
            )}
            <p className="mt-2 text-xs text-muted">
              {dateTime(it.at)}
              {it.kind === "interaction" ? ` · from ${it.source}` : ""}
            </p>
            {onReply && it.kind === "interaction" && it.type === "email" ? (
              <Button
                size="sm"
                className="mt-2"
                onClick={() => onReply({ interactionId: it.id, subject: it.subject ?? null })}
              >
                <Reply aria-hidden size={14} /> Reply
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

type Page = { items: TimelineItem[]; nextCursor: string | null };

/** Interactions and notes, newest first; each entry expands in place. */
export function TimelineTab({
  contactId,
  onReply,
}: {
  contactId: string;
  onReply?: (r: ReplyTarget) => void;
}) {
  const query = useInfiniteQuery({
    queryKey: qk.contacts.timeline(contactId),
    queryFn: ({ pageParam }) =>
      api.get<Page>(
        `/api/v1/contacts/${contactId}/timeline${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending)
    return (
      <div className="space-y-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-14" />
        ))}
      </div>
    );
  if (query.error && !items.length)
    return (
      <ErrorState message={friendlyError(query.error, "the timeline")} onRetry={() => void query.refetch()} />
    );
  if (!items.length)
    return (
      <EmptyState icon={CalendarDays} title="Nothing here yet">
        Notes you add, and emails and sessions from a connected Google account, appear here.
      </EmptyState>
    );
  return (
    <div>
      <ol
        className="relative before:absolute before:bottom-4 before:left-[20px] before:top-2 before:w-px before:bg-border"
        aria-label="Timeline"
      >
        {items.map((it) => (
          <Entry key={`${it.kind}-${it.id}`} it={it} onReply={onReply} />
        ))}
      </ol>
      {query.error ? (
        <ErrorState
          message={friendlyError(query.error, "more of the timeline")}
          onRetry={() => void query.refetch()}
        />
      ) : null}
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}
