"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import type { Batch, JobItem, SyncStatus } from "./types";

/** Loads status, batches and jobs; polls every 2 s while anything is importing or queued. */
export function useSyncData() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [jobs, setJobs] = useState<JobItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [s, b, j] = await Promise.all([
        api.get<SyncStatus>("/api/v1/settings/sync/status"),
        api.get<{ items: Batch[] }>("/api/v1/sync/batches"),
        api.get<{ items: JobItem[] }>("/api/v1/jobs?limit=10").catch(() => ({ items: [] as JobItem[] })),
      ]);
      setStatus(s);
      setBatches(b.items);
      setJobs(j.items.filter((x) => x.kind.startsWith("google_") || x.kind.startsWith("normalize_")));
      setError(null);
      return s;
    } catch {
      setError("Could not load the sync status. Check your connection; we will keep trying.");
      return null;
    }
  }, []);

  useEffect(() => {
    let alive = true;
    const loop = async () => {
      const s = await refresh();
      if (!alive) return;
      const busy =
        !!s &&
        (["importing", "retrying"].includes(s.providers.gmail.state) ||
          ["importing", "retrying"].includes(s.providers.calendar.state) ||
          s.jobs.queued + s.jobs.running > 0);
      timer.current = setTimeout(() => void loop(), busy ? 2000 : 15000);
    };
    void loop();
    return () => {
      alive = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh]);

  return { status, batches, jobs, error, refresh };
}
