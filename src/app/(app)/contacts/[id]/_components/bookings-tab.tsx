"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BookingRow } from "@/app/(app)/bookings/_components/booking-row";
import type { Booking, Service } from "@/app/(app)/bookings/_components/types";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/api-client";

/** This contact's bookings, and booking them into a service yourself (no public-page rules, overlaps refused). */
export function BookingsTab({ contactId, onBooked }: { contactId: string; onBooked: () => void }) {
  const qc = useQueryClient();
  const key = ["bookings", "contact", contactId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: Booking[] }>(`/api/v1/bookings?contactId=${contactId}`),
  });
  const services = useQuery({
    queryKey: ["services"],
    queryFn: () => api.get<{ items: Service[] }>("/api/v1/services"),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.patch(`/api/v1/bookings/${id}`, { status: "cancelled" }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["bookings"] });
      onBooked();
    },
  });
  const [serviceId, setServiceId] = useState("");
  const [start, setStart] = useState("");
  const [error, setError] = useState<string | null>(null);
  const active = services.data?.items.filter((s) => s.active) ?? [];
  const book = useMutation({
    mutationFn: () =>
      api.post("/api/v1/bookings", {
        serviceId: serviceId || active[0]?.id,
        contactId,
        start: new Date(start).toISOString(),
      }),
    onSuccess: () => {
      setError(null);
      setStart("");
      void qc.invalidateQueries({ queryKey: ["bookings"] });
      onBooked();
    },
    onError: (e) =>
      setError(e instanceof ApiError && e.code === "conflict" ? "That time is taken." : "Booking failed."),
  });
  return (
    <div className="space-y-4" data-testid="contact-bookings">
      {services.isSuccess && active.length === 0 ? (
        <p className="text-sm text-muted">Add a service on the Bookings page to book sessions here.</p>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            book.mutate();
          }}
        >
          <div>
            <Label htmlFor="contact-book-service">Service</Label>
            <Select
              id="contact-book-service"
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
            >
              {active.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="contact-book-start">Starts</Label>
            <Input
              id="contact-book-start"
              type="datetime-local"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              required
            />
          </div>
          <Button type="submit" disabled={book.isPending || active.length === 0}>
            Book session
          </Button>
          {error ? (
            <p role="alert" className="w-full text-sm text-danger">
              {error}
            </p>
          ) : null}
        </form>
      )}
      {list.isPending ? (
        <Skeleton className="h-20" />
      ) : list.isError ? (
        <ErrorState message="Bookings could not be loaded." onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="text-sm text-muted">No bookings yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {list.data.items.map((b) => (
            <BookingRow
              key={b.id}
              booking={b}
              showDate
              showClient={false}
              onCancel={(id) => cancel.mutate(id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
