"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import type { Batch, JobItem, SyncStatus } from "./types";

type SyncData = { status: SyncStatus; batches: Batch[]; jobs: JobItem[] };

async function loadSync(): Promise<SyncData> {
  const [status, b, j] = await Promise.all([
    api.get<SyncStatus>("/api/v1/settings/sync/status"),
    api.get<{ items: Batch[] }>("/api/v1/sync/batches"),
    // The jobs card is secondary: the page still works when the jobs list fails.
    api.get<{ items: JobItem[] }>("/api/v1/jobs?limit=10").catch(() => ({ items: [] as JobItem[] })),
  ]);
  const jobs = j.items.filter((x) => x.kind.startsWith("google_") || x.kind.startsWith("normalize_"));
  return { status, batches: b.items, jobs };
}

const busy = (s: SyncStatus | undefined) =>
  !!s &&
  (["importing", "retrying"].includes(s.providers.gmail.state) ||
    ["importing", "retrying"].includes(s.providers.calendar.state) ||
    s.jobs.queued + s.jobs.running > 0);

/** Status, batches and jobs in one query; polls every 2 s while anything is importing or queued. */
export function useSyncData() {
  const query = useQuery({
    queryKey: qk.sync,
    queryFn: loadSync,
    // Keeps polling after an error too, so the page recovers on its own when the server is back.
    refetchInterval: (q) => (busy(q.state.data?.status) ? 2000 : 15000),
  });
  return {
    status: query.data?.status ?? null,
    batches: query.data?.batches ?? [],
    jobs: query.data?.jobs ?? [],
    error: query.error ? "Could not load the sync status. Check your connection; we will keep trying." : null,
    refresh: () => query.refetch(),
  };
}
