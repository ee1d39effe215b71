"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import type { BusyCalendars as BusyCalendarList } from "@/server/booking/schemas";
import { api, ApiError } from "@/lib/api-client";
import type { Availability } from "./types";

const KEY = ["availability", "calendars"];

/** Which Google calendars' busy times keep slots off the booking page. Saved on each tick. */
export function BusyCalendars() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<BusyCalendarList>("/api/v1/availability/calendars"),
  });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (busyCalendarIds: string[]) =>
      api.put<Availability>("/api/v1/availability", { busyCalendarIds }),
    onSuccess: () => {
      setError(null);
      toast({ title: "Busy calendars saved" });
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "Saving failed; try again."),
  });
  const toggle = (id: string, on: boolean) => {
    const chosen = (q.data?.calendars ?? []).filter((c) => c.busy).map((c) => c.id);
    const next = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    if (next.length === 0) return setError("Keep at least one calendar. Your bookings always count as busy.");
    save.mutate(next);
  };
  return (
    <Card data-testid="busy-calendars">
      <CardTitle>Calendars that block booking times</CardTitle>
      {q.isPending ? (
        <Skeleton className="h-16" />
      ) : q.isError ? (
        <ErrorState message="Your Google calendars could not be listed." onRetry={() => void q.refetch()} />
      ) : !q.data.connected ? (
        <p className="text-sm text-muted">
          Connect Google Calendar on the Sync page, and its busy times will keep clients from booking over
          them. Until then only your bookings and blocked time count.
        </p>
      ) : (
        <fieldset disabled={save.isPending}>
          <legend className="mb-2 text-sm text-muted">
            Times marked busy in a ticked calendar are not offered to clients.
          </legend>
          <ul className="space-y-2">
            {q.data.calendars.map((c) => (
              <li key={c.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={c.busy}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />
                  <span>
                    {c.name}
                    {c.primary ? " (main calendar)" : ""}
                    {c.missing ? " — no longer in your Google account" : ""}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <FieldError message={error ?? undefined} />
    </Card>
  );
}
