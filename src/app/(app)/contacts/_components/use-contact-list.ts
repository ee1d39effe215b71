"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactPage, ContactSummary } from "@/components/contacts/types";

export type ListParams = {
  q: string;
  sort: "name" | "last_interaction" | "created";
  order: "asc" | "desc";
  stage: string;
  tag: string;
  source: string;
  noContactInDays: string;
};

export const defaultParams: ListParams = {
  q: "",
  sort: "name",
  order: "asc",
  stage: "",
  tag: "",
  source: "",
  noContactInDays: "",
};

export function listUrl(p: ListParams, cursor?: string, base = "/api/v1/contacts"): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) s.set(k, v);
  if (cursor) s.set("cursor", cursor);
  s.set("limit", "50");
  return `${base}?${s.toString()}`;
}

/**
 * Contacts for the current params, page by page ("load more"), cached per filter set; the
 * previous result stays on screen (dimmed) while a new filter loads. `update` edits the
 * cached pages for optimistic UI.
 */
export function useContactList(params: ListParams) {
  const client = useQueryClient();
  const key = qk.contacts.list(listUrl(params));
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => api.get<ContactPage>(listUrl(params, pageParam || undefined)),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);

  const update = useCallback(
    (fn: (items: ContactSummary[]) => ContactSummary[]) =>
      client.setQueryData<InfiniteData<ContactPage, string>>(key, (d) => {
        if (!d) return d;
        // The view reads the pages flattened: the edited list goes into the first page.
        const all = fn(d.pages.flatMap((p) => p.items));
        return { ...d, pages: d.pages.map((p, i) => ({ ...p, items: i === 0 ? all : [] })) };
      }),
    // key is derived from params; its string form is stable per filter set
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key[2]],
  );

  return {
    items,
    total: pages[0]?.total ?? null,
    error: query.error ? friendlyError(query.error, "your contacts") : null,
    hasMore: !!query.hasNextPage,
    loading: query.isPending || query.isPlaceholderData,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => query.fetchNextPage(),
    reload: () => void client.invalidateQueries({ queryKey: qk.contacts.all }),
    update,
  };
}
