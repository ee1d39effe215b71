"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/lib/api-client";
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

type State = {
  key: string;
  items: ContactSummary[];
  nextCursor: string | null;
  total: number | null;
  error: string | null;
};

/** One page of contacts for the current params, with "load more" and local edits for optimistic UI. */
export function useContactList(params: ListParams) {
  const [tick, setTick] = useState(0);
  const key = `${listUrl(params)}#${tick}`;
  const [state, setState] = useState<State>({
    key: "",
    items: [],
    nextCursor: null,
    total: null,
    error: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.get<ContactPage>(listUrl(params)).then(
      (page) =>
        !cancelled &&
        setState({ key, items: page.items, nextCursor: page.nextCursor, total: page.total, error: null }),
      (e: unknown) =>
        !cancelled &&
        setState({ key, items: [], nextCursor: null, total: null, error: friendlyError(e, "your contacts") }),
    );
    return () => {
      cancelled = true;
    };
    // key covers params + tick
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!state.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<ContactPage>(listUrl(params, state.nextCursor));
      setState((s) => ({ ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (e) {
      setState((s) => ({ ...s, error: friendlyError(e, "more contacts") }));
    } finally {
      setLoadingMore(false);
    }
  }, [params, state.nextCursor]);

  const update = useCallback(
    (fn: (items: ContactSummary[]) => ContactSummary[]) => setState((s) => ({ ...s, items: fn(s.items) })),
    [],
  );

  return {
    items: state.items,
    total: state.total,
    error: state.error,
    hasMore: !!state.nextCursor,
    loading: state.key !== key,
    loadingMore,
    loadMore,
    reload: () => setTick((t) => t + 1),
    update,
  };
}
