"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { BatchesCard } from "./batches-card";
import { DriveCard } from "./drive-card";
import { JobsCard } from "./jobs-card";
import { PrefsCard } from "./prefs-card";
import { ServiceCard } from "./service-card";
import type { SyncPrefs } from "./types";
import { useSyncData } from "./use-sync-data";

export function SyncPanel({ connected, error }: { connected: boolean; error: string | null }) {
  const data = useSyncData();
  const client = useQueryClient();
  const prefs = useQuery({
    queryKey: qk.settings.syncPrefs,
    queryFn: () => api.get<SyncPrefs>("/api/v1/settings/sync/prefs"),
  });
  useEffect(() => {
    if (connected)
      toast({
        title: "Google connected",
        description: "Preview what would be imported next.",
        tone: "success",
      });
    if (error)
      toast({ title: "Google was not connected", description: error, tone: "error", durationMs: 10000 });
  }, [connected, error]);

  if (!data.status) {
    return data.error ? (
      <ErrorState message={data.error} onRetry={() => void data.refresh()} />
    ) : (
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    );
  }
  const s = data.status;
  return (
    <div className="grid gap-6">
      <div className="grid gap-4 md:grid-cols-2">
        {s.flags.gmail ? (
          <ServiceCard service="gmail" status={s.providers.gmail} onChange={data.refresh} />
        ) : null}
        {s.flags.calendar ? (
          <ServiceCard service="calendar" status={s.providers.calendar} onChange={data.refresh} />
        ) : null}
        {s.flags.drive ? <DriveCard onChange={data.refresh} /> : null}
        {!s.flags.gmail && !s.flags.calendar && !s.flags.drive ? (
          <p className="text-muted">
            Google sync is turned off on this server (FEATURE_GOOGLE_GMAIL_RO / FEATURE_GOOGLE_CALENDAR_RO).
          </p>
        ) : null}
      </div>
      {prefs.data ? (
        <PrefsCard prefs={prefs.data} onSaved={(p) => client.setQueryData(qk.settings.syncPrefs, p)} />
      ) : prefs.error ? (
        <ErrorState message="Couldn't load what to import." onRetry={() => void prefs.refetch()} />
      ) : (
        <Skeleton className="h-40" />
      )}
      <BatchesCard batches={data.batches} onChange={data.refresh} />
      <JobsCard jobs={data.jobs} onChange={data.refresh} />
    </div>
  );
}
