"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/api-client";
import type { Service } from "./types";

/** The services clients can book: add, turn on/off, delete. */
export function ServicesCard() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["services"],
    queryFn: () => api.get<{ items: Service[] }>("/api/v1/services"),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ["services"] });
  const toggle = useMutation({
    mutationFn: (s: Service) => api.patch<Service>(`/api/v1/services/${s.id}`, { active: !s.active }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/services/${id}`),
    onSuccess: refresh,
  });
  return (
    <Card data-testid="services">
      <CardTitle>Services</CardTitle>
      {q.isPending ? (
        <Skeleton className="h-16" />
      ) : q.isError ? (
        <ErrorState message="Services could not be loaded." onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <p className="text-sm text-muted">No services yet: add the first one clients can book.</p>
      ) : (
        <ul className="divide-y divide-border">
          {q.data.items.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span aria-hidden className="size-3 rounded-full" style={{ background: s.color }} />
              <span className="font-medium">{s.name}</span>
              <span className="text-muted">
                {s.durationMinutes} min{s.bufferAfterMinutes ? ` + ${s.bufferAfterMinutes} min after` : ""}
                {s.active ? "" : " · off"}
              </span>
              <span className="ml-auto flex gap-2">
                <Button size="sm" onClick={() => toggle.mutate(s)}>
                  {s.active ? "Turn off" : "Turn on"}
                </Button>
                <Button size="sm" variant="danger" onClick={() => remove.mutate(s.id)}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <AddService onAdded={refresh} />
    </Card>
  );
}

function AddService({ onAdded }: { onAdded: () => void }) {
  const [f, setF] = useState({
    name: "",
    duration: "60",
    after: "0",
    price: "",
    locationType: "video",
    location: "",
  });
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      api.post<Service>("/api/v1/services", {
        name: f.name,
        durationMinutes: Number(f.duration),
        bufferAfterMinutes: Number(f.after) || 0,
        priceCents: f.price ? Math.round(Number(f.price) * 100) : null,
        locationType: f.locationType,
        location: f.location || null,
      }),
    onSuccess: () => {
      setF({ ...f, name: "", location: "" });
      setError(null);
      onAdded();
    },
    onError: (e) =>
      setError(
        e instanceof ApiError
          ? (Object.values(e.details?.fields ?? {})[0]?.[0] ?? e.message)
          : "Adding failed",
      ),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <form
      className="mt-4 grid gap-3 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <div>
        <Label htmlFor="svc-name">Service name</Label>
        <Input id="svc-name" value={f.name} onChange={set("name")} required />
      </div>
      <div>
        <Label htmlFor="svc-duration">Minutes</Label>
        <Input id="svc-duration" inputMode="numeric" value={f.duration} onChange={set("duration")} />
      </div>
      <div>
        <Label htmlFor="svc-after">Break after (min)</Label>
        <Input id="svc-after" inputMode="numeric" value={f.after} onChange={set("after")} />
      </div>
      <div>
        <Label htmlFor="svc-price">Price shown</Label>
        <Input id="svc-price" inputMode="decimal" value={f.price} onChange={set("price")} />
      </div>
      <div>
        <Label htmlFor="svc-loctype">Where</Label>
        <Select id="svc-loctype" value={f.locationType} onChange={set("locationType")}>
          <option value="video">Video call</option>
          <option value="address">Address</option>
          <option value="phone">Phone</option>
          <option value="none">Not shown</option>
        </Select>
      </div>
      <div>
        <Label htmlFor="svc-location">Address, link or number</Label>
        <Input id="svc-location" value={f.location} onChange={set("location")} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger sm:col-span-3">
          {error}
        </p>
      ) : null}
      <div className="sm:col-span-3">
        <Button type="submit" disabled={add.isPending}>
          Add service
        </Button>
      </div>
    </form>
  );
}
