"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/api-client";
import { BookingRow } from "./booking-row";
import type { Booking } from "./types";

const DAY = 86_400_000;

function weekStart(offset: number): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7) + offset * 7);
  return d;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Seven days of bookings, blocked time and Google busy times, with blocking and cancelling. */
export function WeekView() {
  const qc = useQueryClient();
  const [offset, setOffset] = useState(0);
  const from = weekStart(offset);
  const to = new Date(from.getTime() + 7 * DAY);
  const key = ["bookings", from.toISOString()];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<{ items: Booking[]; busy: { start: string; end: string }[] }>(
        `/api/v1/bookings?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&includeBusy=true`,
      ),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.patch(`/api/v1/bookings/${id}`, { status: "cancelled" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["bookings"] }),
  });
  const days = Array.from({ length: 7 }, (_, i) => new Date(from.getTime() + i * DAY));
  const sameDay = (iso: string, d: Date) => new Date(iso).toDateString() === d.toDateString();
  return (
    <Card data-testid="week-view">
      <CardTitle
        action={
          <span className="flex gap-2">
            <Button size="sm" onClick={() => setOffset(offset - 1)} aria-label="Previous week">
              ←
            </Button>
            <Button size="sm" onClick={() => setOffset(0)}>
              This week
            </Button>
            <Button size="sm" onClick={() => setOffset(offset + 1)} aria-label="Next week">
              →
            </Button>
          </span>
        }
      >
        Week of {from.toLocaleDateString([], { day: "numeric", month: "long" })}
      </CardTitle>
      {q.isPending ? (
        <Skeleton className="h-40" />
      ) : q.isError ? (
        <ErrorState message="Bookings could not be loaded." onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 && q.data.busy.length === 0 ? (
        <p className="text-sm text-muted">Nothing booked this week. Share your booking link to fill it.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-7">
          {days.map((d) => (
            <div key={d.toISOString()} className="min-w-0">
              <p className="text-xs font-semibold uppercase text-muted">
                {d.toLocaleDateString([], { weekday: "short", day: "numeric" })}
              </p>
              <ul className="mt-1 space-y-1 text-sm">
                {q.data.busy
                  .filter((b) => sameDay(b.start, d))
                  .map((b) => (
                    <li key={`busy-${b.start}`} className="rounded-[8px] bg-border/60 px-2 py-1 text-muted">
                      {time(b.start)}–{time(b.end)} busy (Google)
                    </li>
                  ))}
                {q.data.items
                  .filter((b) => sameDay(b.start, d))
                  .map((b) => (
                    <BookingRow key={b.id} booking={b} onCancel={(id) => cancel.mutate(id)} />
                  ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <BlockTime onDone={() => void qc.invalidateQueries({ queryKey: ["bookings"] })} />
    </Card>
  );
}

function BlockTime({ onDone }: { onDone: () => void }) {
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [error, setError] = useState<string | null>(null);
  const block = useMutation({
    mutationFn: () =>
      api.post("/api/v1/bookings", {
        kind: "block",
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
      }),
    onSuccess: () => {
      setError(null);
      onDone();
    },
    onError: (e) =>
      setError(
        e instanceof ApiError && e.code === "conflict" ? "That time overlaps a booking." : "Blocking failed",
      ),
  });
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        block.mutate();
      }}
    >
      <div>
        <Label htmlFor="block-start">Block from</Label>
        <Input
          id="block-start"
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          required
        />
      </div>
      <div>
        <Label htmlFor="block-end">until</Label>
        <Input
          id="block-end"
          type="datetime-local"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          required
        />
      </div>
      <Button type="submit" disabled={block.isPending}>
        Block time
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
