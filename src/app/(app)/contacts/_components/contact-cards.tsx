"use client";

import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { StageBadge } from "@/components/ui/stage-badge";
import { relativeTime } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import type { ContactSummary } from "@/components/contacts/types";
import { TagList } from "./contact-columns";

/** Phone layout: one card per contact, checkbox for bulk actions, the whole card taps through. */
export function ContactCards({
  items,
  selection,
  onToggle,
  activeIndex,
}: {
  items: ContactSummary[];
  selection: Record<string, boolean>;
  onToggle: (id: string) => void;
  activeIndex: number;
}) {
  return (
    <ul className="space-y-2" aria-label="Contacts">
      {items.map((c, i) => (
        <li
          key={c.id}
          className={cn(
            "flex items-start gap-3 rounded-[12px] border border-border bg-surface p-3",
            i === activeIndex && "outline outline-2 outline-primary",
            selection[c.id] && "bg-primary/10",
          )}
        >
          <input
            type="checkbox"
            aria-label={`Select ${c.displayName}`}
            className="mt-3 h-5 w-5 accent-[var(--primary)]"
            checked={!!selection[c.id]}
            onChange={() => onToggle(c.id)}
          />
          <Link href={`/contacts/${c.id}`} className="flex min-w-0 flex-1 items-start gap-3">
            <Avatar name={c.displayName} src={c.avatarUrl} size={40} />
            <span className="min-w-0 flex-1">
              <span className="flex items-center justify-between gap-2">
                <span className="truncate font-medium">{c.displayName}</span>
                <span className="shrink-0 text-xs text-muted">{relativeTime(c.lastInteractionAt)}</span>
              </span>
              <span className="mt-1 flex flex-wrap items-center gap-1">
                <StageBadge stage={c.stage} />
              </span>
              {c.tags.length ? (
                <span className="mt-1 block">
                  <TagList tags={c.tags} max={2} />
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
