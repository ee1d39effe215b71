"use client";
import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import type { Batch, JobItem, SyncStatus } from "./types";

type SyncData = { status: SyncStatus; batches: Batch[]; jobs: JobItem[] };
type Snapshot = { status: SyncStatus; batches: { items: Batch[] }; jobs: { items: JobItem[] } };

const syncJobs = (items: JobItem[]) =>
  items.filter((x) => x.kind.startsWith("google_") || x.kind.startsWith("normalize_"));

async function loadSync(): Promise<SyncData> {
  const [status, b, j] = await Promise.all([
    api.get<SyncStatus>("/api/v1/settings/sync/status"),
    api.get<{ items: Batch[] }>("/api/v1/sync/batches"),
    // The jobs card is secondary: the page still works when the jobs list fails.
    api.get<{ items: JobItem[] }>("/api/v1/jobs?limit=10").catch(() => ({ items: [] as JobItem[] })),
  ]);
  return { status, batches: b.items, jobs: syncJobs(j.items) };
}

/**
 * Status, batches and jobs: read once through TanStack Query, then kept current by one
 * server-sent-events stream (GET /api/v1/sync/progress) whose snapshots are written into the
 * same query cache. An open page costs one request per connection instead of three every 2 s,
 * so it never trips the per-user rate limit. A refused or dropped stream reconnects with a
 * growing delay (3 s … 60 s); `refresh()` re-reads once, after the user's own actions.
 */
export function useSyncData() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: qk.sync, queryFn: loadSync });

  useEffect(() => {
    let alive = true;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let delay = 3_000;
    const connect = () => {
      if (!alive) return;
      source = new EventSource("/api/v1/sync/progress");
      source.addEventListener("snapshot", (e) => {
        delay = 3_000;
        try {
          const s = JSON.parse((e as MessageEvent<string>).data) as Snapshot;
          client.setQueryData<SyncData>(qk.sync, {
            status: s.status,
            batches: s.batches.items,
            jobs: syncJobs(s.jobs.items),
          });
        } catch {
          // a malformed event: the next one replaces it
        }
      });
      source.onerror = () => {
        // The browser retries a dropped stream itself; a refused one (401, 429) is closed.
        if (source?.readyState !== EventSource.CLOSED) return;
        source = null;
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 60_000);
      };
    };
    connect();
    return () => {
      alive = false;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [client]);

  return {
    status: query.data?.status ?? null,
    batches: query.data?.batches ?? [],
    jobs: query.data?.jobs ?? [],
    error: query.error ? "Could not load the sync status. Check your connection; we will keep trying." : null,
    refresh: () => query.refetch(),
  };
}
