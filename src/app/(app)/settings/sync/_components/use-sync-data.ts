"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import type { Batch, JobItem, SyncPrefs, SyncStatus } from "./types";

type Snapshot = { status: SyncStatus; batches: { items: Batch[] }; jobs: { items: JobItem[] } };

const syncJobs = (items: JobItem[]) =>
  items.filter((x) => x.kind.startsWith("google_") || x.kind.startsWith("normalize_"));

/**
 * Loads status, prefs, batches and jobs, then follows progress over one server-sent-events
 * stream (GET /api/v1/sync/progress): the server pushes a snapshot when anything changes,
 * so an open page costs one request per connection instead of three every 2 s, and never
 * trips the per-user rate limit. A refused or dropped stream reconnects with a growing
 * delay (3 s … 60 s). `refresh()` re-reads once, after the user's own actions.
 */
export function useSyncData() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [prefs, setPrefs] = useState<SyncPrefs | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [jobs, setJobs] = useState<JobItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const apply = useCallback((s: Snapshot) => {
    setStatus(s.status);
    setBatches(s.batches.items);
    setJobs(syncJobs(s.jobs.items));
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const [s, b, j] = await Promise.all([
        api.get<SyncStatus>("/api/v1/settings/sync/status"),
        api.get<{ items: Batch[] }>("/api/v1/sync/batches"),
        api.get<{ items: JobItem[] }>("/api/v1/jobs?limit=10").catch(() => ({ items: [] as JobItem[] })),
      ]);
      apply({ status: s, batches: b, jobs: j });
      return s;
    } catch {
      setError("Could not load the sync status. Check your connection; we will keep trying.");
      return null;
    }
  }, [apply]);

  useEffect(() => {
    let alive = true;
    let source: EventSource | null = null;
    let delay = 3_000;
    const connect = () => {
      if (!alive) return;
      source = new EventSource("/api/v1/sync/progress");
      source.addEventListener("snapshot", (e) => {
        delay = 3_000;
        try {
          apply(JSON.parse((e as MessageEvent<string>).data) as Snapshot);
        } catch {
          // a malformed event: the next one replaces it
        }
      });
      source.onerror = () => {
        // The browser retries a dropped stream itself; a refused one (401, 429) is closed.
        if (source?.readyState !== EventSource.CLOSED) return;
        source = null;
        setError((prev) => prev ?? "Lost the live sync status; reconnecting…");
        timer.current = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 60_000);
      };
    };
    connect();
    void api
      .get<SyncPrefs>("/api/v1/settings/sync/prefs")
      .then(setPrefs)
      .catch(() => undefined);
    return () => {
      alive = false;
      source?.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh, apply]);

  return { status, prefs, setPrefs, batches, jobs, error, refresh };
}
