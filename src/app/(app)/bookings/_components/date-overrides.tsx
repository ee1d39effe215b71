"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { FieldError, Input, Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import {
  describeOverride,
  parseOverride,
  upcomingOverrides,
  upsertOverride,
  type DateOverride,
} from "./date-override-edit";
import type { Availability } from "./types";

const today = () => new Date().toLocaleDateString("en-CA"); // YYYY-MM-DD, local

/** Days off and extra days: a date's own hours replace the weekly ones. Saved as you go. */
export function DateOverrides() {
  const q = useQuery({
    queryKey: ["availability"],
    queryFn: () => api.get<Availability>("/api/v1/availability"),
  });
  if (q.isPending)
    return (
      <Card>
        <Skeleton className="h-24" />
      </Card>
    );
  if (q.isError)
    return <ErrorState message="Your days off could not be loaded." onRetry={() => void q.refetch()} />;
  return <OverridesForm initial={q.data.overrides} zone={q.data.timeZone} />;
}

function OverridesForm({ initial, zone }: { initial: DateOverride[]; zone: string }) {
  // Kept here rather than in the shared availability query, so saving an override never
  // resets what is being typed in the settings card.
  const [list, setList] = useState(initial);
  const [date, setDate] = useState("");
  const [hours, setHours] = useState("");
  const [dayOff, setDayOff] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: (overrides: DateOverride[]) => api.put<Availability>("/api/v1/availability", { overrides }),
    onSuccess: (a) => setList(a.overrides),
    onError: (e) => setError(e instanceof ApiError ? e.message : "Saving failed; try again."),
  });
  const add = () => {
    const r = parseOverride(date, hours, dayOff);
    if (!r.ok) return setError(r.error);
    setError(null);
    save.mutate(upsertOverride(list, r.value), {
      onSuccess: () => {
        toast({ title: `${r.value.date}: ${describeOverride(r.value)}` });
        setDate("");
        setHours("");
        dateRef.current?.focus();
      },
    });
  };
  const remove = (o: DateOverride) =>
    save.mutate(
      list.filter((x) => x.date !== o.date),
      {
        onSuccess: (a) =>
          toast({
            title: `${o.date} removed`,
            action: { label: "Undo", onClick: () => save.mutate(upsertOverride(a.overrides, o)) },
          }),
      },
    );
  const shown = upcomingOverrides(list, today());
  return (
    <Card data-testid="date-overrides">
      <CardTitle>Days off and extra days</CardTitle>
      <p className="mb-3 text-sm text-muted">
        A date listed here uses its own hours ({zone}) instead of the weekly ones.
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">No days off or extra days coming up.</p>
      ) : (
        <ul className="mb-3 space-y-1 text-sm" aria-label="Upcoming days off and extra days">
          {shown.map((o) => (
            <li key={o.date} className="flex items-center gap-3">
              <span className="w-28 tabular-nums">{o.date}</span>
              <span className="flex-1">{describeOverride(o)}</span>
              <Button size="sm" variant="ghost" onClick={() => remove(o)} aria-label={`Remove ${o.date}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div>
          <Label htmlFor="ov-date">Date</Label>
          <Input
            id="ov-date"
            ref={dateRef}
            type="date"
            min={today()}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            className="h-4 w-4"
            checked={dayOff}
            onChange={(e) => setDayOff(e.target.checked)}
          />
          Day off
        </label>
        <div>
          <Label htmlFor="ov-hours">Hours that day</Label>
          <Input
            id="ov-hours"
            value={hours}
            disabled={dayOff}
            placeholder="10:00-13:00"
            onChange={(e) => setHours(e.target.value)}
            aria-describedby={error ? "ov-error" : undefined}
          />
        </div>
        <Button type="submit" disabled={save.isPending}>
          Add date
        </Button>
      </form>
      <FieldError id="ov-error" message={error ?? undefined} />
    </Card>
  );
}
