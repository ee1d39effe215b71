"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { ArrowLeft, RotateCcw, Trash2 } from "lucide-react";
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { StageBadge } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { PageHeader } from "@/components/shell/page-header";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactPage, ContactSummary } from "@/components/contacts/types";
import { trashAge } from "./trash-age";

const url = (cursor?: string) =>
  `/api/v1/contacts?view=deleted&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

/** Contacts deleted in the last 30 days, each with how long is left and a Restore button. */
export function TrashView() {
  const router = useRouter();
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: qk.contacts.trash,
    queryFn: ({ pageParam }) => api.get<ContactPage>(url(pageParam)),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [busy, setBusy] = useState<string | null>(null);

  const restore = useCallback(
    async (c: ContactSummary) => {
      setBusy(c.id);
      try {
        await api.post(`/api/v1/contacts/${c.id}/restore`);
        client.setQueryData<InfiniteData<ContactPage, string>>(qk.contacts.trash, (d) =>
          d
            ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== c.id) })) }
            : d,
        );
        void client.invalidateQueries({ queryKey: qk.contacts.all, refetchType: "none" });
        void client.invalidateQueries({ queryKey: qk.dashboard });
        toast({
          title: `${c.displayName} restored`,
          tone: "success",
          action: { label: "Open", onClick: () => router.push(`/contacts/${c.id}`) },
        });
      } catch (e) {
        toast({ title: `Couldn't restore ${c.displayName}`, description: friendlyError(e), tone: "error" });
      } finally {
        setBusy(null);
      }
    },
    [router, client],
  );

  return (
    <>
      <Link
        href="/contacts"
        className="mb-4 inline-flex items-center gap-1 rounded text-sm text-muted hover:text-text"
      >
        <ArrowLeft aria-hidden size={14} /> Contacts
      </Link>
      <PageHeader
        title="Trash"
        description="Deleted contacts stay here for 30 days, then they are removed for good."
      />
      {query.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading trash">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : query.error && !items.length ? (
        <ErrorState message={friendlyError(query.error, "the trash")} onRetry={() => void query.refetch()} />
      ) : !items.length ? (
        <EmptyState icon={Trash2} title="Trash is empty">
          When you delete a contact it waits here for 30 days, so you can bring it back.
        </EmptyState>
      ) : (
        <>
          <ul
            aria-label="Deleted contacts"
            className="divide-y divide-border rounded-[12px] border border-border bg-surface"
          >
            {items.map((c) => {
              const age = trashAge(c.deletedAt ?? new Date().toISOString());
              return (
                <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <Avatar name={c.displayName} src={c.avatarUrl} size={40} />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="truncate font-medium">{c.displayName}</span>
                      <StageBadge stage={c.stage} />
                    </p>
                    <p className={`mt-0.5 text-sm ${age.daysLeft <= 3 ? "text-danger" : "text-muted"}`}>
                      {age.text}
                    </p>
                  </div>
                  <Button
                    onClick={() => void restore(c)}
                    loading={busy === c.id}
                    aria-label={`Restore ${c.displayName}`}
                  >
                    <RotateCcw aria-hidden size={16} /> Restore
                  </Button>
                </li>
              );
            })}
          </ul>
          {query.error ? (
            <ErrorState
              message={friendlyError(query.error, "more of the trash")}
              onRetry={() => void query.refetch()}
            />
          ) : null}
          {query.hasNextPage ? (
            <div className="mt-4 flex justify-center">
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
