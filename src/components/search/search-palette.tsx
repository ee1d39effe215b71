"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalendarDays, Search, StickyNote, User, type LucideIcon } from "lucide-react";
import { Dialog as D } from "radix-ui";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api } from "@/lib/api-client";
import { relativeTime } from "@/lib/format";
import { qk } from "@/lib/query-keys";
import { useDebounced } from "@/lib/use-debounced";
import type { SearchHit } from "@/server/search/schemas";
import { highlightWords, splitMatches } from "./highlight";

/** Other components open the palette with this event (the sidebar's Search button). */
export const OPEN_PALETTE_EVENT = "omnicrm:open-palette";

type Result = { hits: SearchHit[]; modeUsed: string };
const GROUPS: { type: SearchHit["type"]; label: string; icon: LucideIcon }[] = [
  { type: "contact", label: "Contacts", icon: User },
  { type: "note", label: "Notes", icon: StickyNote },
  { type: "interaction", label: "Emails and sessions", icon: CalendarDays },
];

function hrefOf(h: SearchHit): string {
  if (h.type === "contact") return `/contacts/${h.contactId}`;
  return `/contacts/${h.contactId}?tab=${h.type === "note" ? "notes" : "timeline"}`;
}

function Marked({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {splitMatches(text, words).map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-accent/25 px-0.5 text-text">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Ctrl/⌘-K from anywhere: search contacts, notes and emails/sessions at once (hybrid when
 * AI is configured), results grouped, arrow keys and Enter, matching words highlighted.
 */
export function SearchPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const term = useDebounced(q.trim(), 200);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpen);
    };
  }, []);

  // Each opening starts fresh (Esc, a click outside or Ctrl-K again): typing after reopening
  // must not search the old words with the new ones.
  const [openedWith, setOpenedWith] = useState(open);
  if (openedWith !== open) {
    setOpenedWith(open);
    if (!open) {
      setQ("");
      setActive(0);
    }
  }

  const query = useQuery({
    queryKey: qk.search(term),
    queryFn: () =>
      api.get<Result>(
        `/api/v1/search?${new URLSearchParams({ q: term, mode: "hybrid", limit: "20" }).toString()}`,
      ),
    enabled: open && term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const words = useMemo(() => highlightWords(term), [term]);
  const grouped = useMemo(() => {
    const hits = term.length >= 2 ? (query.data?.hits ?? []) : [];
    return GROUPS.map((g) => ({ ...g, hits: hits.filter((h) => h.type === g.type) })).filter(
      (g) => g.hits.length,
    );
  }, [query.data, term]);
  const flat = grouped.flatMap((g) => g.hits);
  const current = Math.min(active, Math.max(0, flat.length - 1));

  const go = (h: SearchHit | undefined) => {
    if (!h) return;
    setOpen(false);
    setQ("");
    router.push(hrefOf(h));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((current + 1) % Math.max(1, flat.length));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((current - 1 + flat.length) % Math.max(1, flat.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(flat[current]);
    }
  };
  useEffect(() => {
    document.getElementById(`palette-opt-${current}`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  let index = -1;
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <D.Content
          aria-describedby={undefined}
          className="fixed inset-x-0 top-0 z-50 flex max-h-[100dvh] flex-col border border-border bg-surface shadow-lg sm:inset-x-auto sm:left-1/2 sm:top-[12vh] sm:max-h-[70vh] sm:w-full sm:max-w-xl sm:-translate-x-1/2 sm:rounded-[12px]"
        >
          <D.Title className="sr-only">Search everything</D.Title>
          <div className="flex items-center gap-2 border-b border-border px-4">
            <Search aria-hidden size={18} className="text-muted" />
            <input
              autoFocus
              role="combobox"
              aria-expanded={flat.length > 0}
              aria-controls="palette-results"
              aria-activedescendant={flat.length ? `palette-opt-${current}` : undefined}
              aria-label="Search contacts, notes, emails and sessions"
              placeholder="Search contacts, notes, emails and sessions…"
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              className="h-14 min-w-0 flex-1 bg-transparent text-base outline-none"
            />
            {query.isFetching ? <Spinner label="Searching" /> : null}
            <kbd className="hidden rounded border border-border px-1.5 text-xs text-muted sm:inline">Esc</kbd>
          </div>
          <div className="overflow-y-auto p-2" aria-live="polite">
            {term.length < 2 ? (
              <p className="px-3 py-6 text-center text-sm text-muted">
                Type at least two letters. Finds names, emails, phone numbers, notes and what emails and
                sessions said.
              </p>
            ) : query.error ? (
              <div role="alert" className="px-3 py-6 text-center text-sm">
                <p className="text-danger">{friendlyError(query.error, "anything")}</p>
                <button
                  type="button"
                  onClick={() => void query.refetch()}
                  className="mt-2 min-h-[44px] font-medium text-primary underline"
                >
                  Try again
                </button>
              </div>
            ) : query.isPending ? (
              <p className="px-3 py-6 text-center text-sm text-muted">Searching…</p>
            ) : !flat.length ? (
              <p className="px-3 py-6 text-center text-sm text-muted">Nothing found for “{term}”.</p>
            ) : (
              <div role="listbox" id="palette-results" aria-label="Search results">
                {grouped.map((g) => (
                  <div key={g.type} role="group" aria-labelledby={`palette-g-${g.type}`} className="mb-2">
                    <div
                      id={`palette-g-${g.type}`}
                      className="px-3 py-1 text-xs font-semibold uppercase text-muted"
                    >
                      {g.label}
                    </div>
                    {g.hits.map((h) => {
                      index++;
                      const i = index;
                      const Icon = g.icon;
                      return (
                        <div
                          key={`${h.type}-${h.id}`}
                          id={`palette-opt-${i}`}
                          role="option"
                          aria-selected={i === current}
                          onMouseMove={() => setActive(i)}
                          onClick={() => go(h)}
                          className={`flex min-h-[44px] cursor-pointer items-start gap-3 rounded-lg px-3 py-2 ${
                            i === current ? "bg-bg outline outline-1 outline-primary" : ""
                          }`}
                        >
                          <Icon aria-hidden size={16} className="mt-0.5 shrink-0 text-primary" />
                          <span className="min-w-0 flex-1">
                            <span className="block truncate text-sm font-medium">
                              <Marked
                                text={
                                  h.type === "note" ? `Note · ${h.contactName}` : h.title || h.contactName
                                }
                                words={words}
                              />
                            </span>
                            {h.snippet ? (
                              <span className="line-clamp-2 block text-sm text-muted">
                                <Marked text={h.snippet} words={words} />
                              </span>
                            ) : null}
                            {h.type === "interaction" ? (
                              <span className="block text-xs text-muted">{h.contactName}</span>
                            ) : null}
                          </span>
                          {h.at && h.type !== "contact" ? (
                            <span className="shrink-0 text-xs text-muted">{relativeTime(h.at)}</span>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                ))}
              </div>
            )}
          </div>
          <p className="hidden border-t border-border px-4 py-2 text-xs text-muted sm:block">
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open
            {query.data?.modeUsed === "hybrid" ? " · also searching by meaning" : ""}
          </p>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
