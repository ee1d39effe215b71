"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/lib/api-client";
import type { TagView } from "./types";

/** The user's tags (for filters, bulk tagging and the contact header). */
export function useTags() {
  const [tags, setTags] = useState<TagView[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    api.get<{ items: TagView[] }>("/api/v1/tags").then(
      (r) => !cancelled && setTags(r.items),
      () => undefined, // filters simply show no tags; the list itself reports load errors
    );
    return () => {
      cancelled = true;
    };
  }, [tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const create = useCallback(async (name: string) => {
    const t = await api.post<TagView>("/api/v1/tags", { name });
    setTags((all) => [...all, t].sort((a, b) => a.name.localeCompare(b.name)));
    return t;
  }, []);
  return { tags, reload, create };
}
