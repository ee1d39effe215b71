"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import type { TagView } from "./types";

export type TagList = { items: TagView[]; starterTagsAvailable: boolean };

/** The user's tags (for filters, bulk tagging and the contact header), cached app-wide. */
export function useTags() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: qk.tags, queryFn: () => api.get<TagList>("/api/v1/tags") });
  const reload = useCallback(() => void client.invalidateQueries({ queryKey: qk.tags }), [client]);
  const create = useCallback(
    async (name: string) => {
      const t = await api.post<TagView>("/api/v1/tags", { name });
      client.setQueryData<TagList>(qk.tags, (d) =>
        d ? { ...d, items: [...d.items, t].sort((a, b) => a.name.localeCompare(b.name)) } : d,
      );
      void client.invalidateQueries({ queryKey: qk.tags });
      return t;
    },
    [client],
  );
  return { tags: query.data?.items ?? [], query, reload, create };
}
