"use client";

import Link from "next/link";
import { ArrowDown, ArrowUp } from "lucide-react";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { DataColumn } from "@/components/ui/data-table";
import { StageBadge } from "@/components/ui/stage-badge";
import { relativeTime, shortDate } from "@/lib/format";
import type { ContactSummary } from "@/components/contacts/types";
import type { ListParams } from "./use-contact-list";

export function TagList({ tags, max = 3 }: { tags: ContactSummary["tags"]; max?: number }) {
  if (!tags.length) return null;
  return (
    <div className="flex flex-wrap gap-1">
      {tags.slice(0, max).map((t) => (
        <Badge key={t.id} color={t.color}>
          {t.name}
        </Badge>
      ))}
      {tags.length > max ? <span className="text-xs text-muted">+{tags.length - max}</span> : null}
    </div>
  );
}

export const contactColumns: DataColumn<ContactSummary>[] = [
  {
    id: "select",
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all shown contacts"
        className="h-4 w-4 accent-[var(--primary)]"
        checked={table.getIsAllRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.displayName}`}
        className="h-4 w-4 accent-[var(--primary)]"
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  },
  {
    id: "name",
    header: "Name",
    cell: ({ row }) => {
      const c = row.original;
      return (
        <Link href={`/contacts/${c.id}`} className="flex items-center gap-3 rounded-md">
          <Avatar name={c.displayName} src={c.avatarUrl} />
          <span className="min-w-0">
            <span className="block truncate font-medium text-text">{c.displayName}</span>
            <span className="block truncate text-xs text-muted">
              {c.primaryEmail ?? c.primaryPhone ?? ""}
            </span>
          </span>
        </Link>
      );
    },
  },
  { id: "stage", header: "Stage", cell: ({ row }) => <StageBadge stage={row.original.stage} /> },
  { id: "tags", header: "Tags", cell: ({ row }) => <TagList tags={row.original.tags} /> },
  {
    id: "last_interaction",
    header: "Last contact",
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-muted" title={shortDate(row.original.lastInteractionAt)}>
        {relativeTime(row.original.lastInteractionAt)}
      </span>
    ),
  },
  {
    id: "created",
    header: "Added",
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-muted">{shortDate(row.original.createdAt)}</span>
    ),
  },
];

const sortable = new Set(["name", "last_interaction", "created"]);

/** Column headers that sort on the server; aria-sort tells screen readers the current order. */
export function sortHeader(params: ListParams, onSort: (s: ListParams["sort"]) => void) {
  return function SortHeader(columnId: string, fallback: ReactNode): ReactNode {
    if (!sortable.has(columnId)) return fallback;
    const active = params.sort === columnId;
    const Icon = params.order === "asc" ? ArrowUp : ArrowDown;
    return (
      <button
        type="button"
        onClick={() => onSort(columnId as ListParams["sort"])}
        aria-label={`Sort by ${columnId.replace("_", " ")}`}
        aria-pressed={active}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-text"
      >
        {fallback}
        {active ? <Icon aria-hidden size={12} /> : null}
      </button>
    );
  };
}
