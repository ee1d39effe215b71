"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import { rangesToText, textToRanges, weekdays, type Availability } from "./types";

const DAY_NAMES = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** Handle, on/off, link to copy, weekly hours and the booking rules. */
export function BookingPageSettings() {
  const q = useQuery({
    queryKey: ["availability"],
    queryFn: () => api.get<Availability>("/api/v1/availability"),
  });
  if (q.isPending)
    return (
      <Card>
        <Skeleton className="h-40" />
      </Card>
    );
  if (q.isError)
    return (
      <ErrorState message="Your booking settings could not be loaded." onRetry={() => void q.refetch()} />
    );
  return <SettingsForm key={q.dataUpdatedAt} a={q.data} />;
}

function SettingsForm({ a }: { a: Availability }) {
  const qc = useQueryClient();
  const [handle, setHandle] = useState(a.handle ?? "");
  const [name, setName] = useState(a.displayName ?? "");
  const [hours, setHours] = useState(() =>
    Object.fromEntries(weekdays.map((d) => [d, rangesToText(a.weeklyHours[d])])),
  );
  const [notice, setNotice] = useState(String(a.minNoticeMinutes / 60));
  const [ahead, setAhead] = useState(String(a.maxDaysAhead));
  const [step, setStep] = useState(String(a.slotStepMinutes));
  const [cap, setCap] = useState(a.dailyCap === null ? "" : String(a.dailyCap));
  const [reminders, setReminders] = useState(a.reminderMinutes.map((m) => m / 60).join(", "));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (patch: Partial<Availability>) => api.put<Availability>("/api/v1/availability", patch),
    onSuccess: (data) => {
      qc.setQueryData(["availability"], data);
      setError(null);
      toast({ title: "Booking settings saved" });
    },
    onError: (e) =>
      setError(
        e instanceof ApiError
          ? (Object.values(e.details?.fields ?? {})[0]?.[0] ?? e.message)
          : "Saving failed",
      ),
  });
  const link =
    a.handle && typeof window !== "undefined" ? `${window.location.origin}/book/${a.handle}` : null;
  const submit = (enabled: boolean) =>
    save.mutate({
      handle: handle.trim().toLowerCase() || null,
      displayName: name.trim() || null,
      enabled,
      weeklyHours: Object.fromEntries(weekdays.map((d) => [d, textToRanges(hours[d] ?? "")])),
      minNoticeMinutes: Math.round(Number(notice) * 60),
      maxDaysAhead: Number(ahead),
      slotStepMinutes: Number(step),
      dailyCap: cap.trim() ? Number(cap) : null,
      reminderMinutes: reminders
        .split(",")
        .map((x) => Math.round(Number(x.trim()) * 60))
        .filter((x) => x > 0),
    });
  return (
    <Card data-testid="booking-settings">
      <CardTitle
        action={<span className="text-sm text-muted">{a.enabled ? "Open for bookings" : "Off"}</span>}
      >
        Booking page
      </CardTitle>
      {link && a.enabled ? (
        <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <a className="font-medium text-primary underline" href={link} target="_blank" rel="noreferrer">
            {link}
          </a>
          <Button
            size="sm"
            onClick={() =>
              void navigator.clipboard?.writeText(link).then(() => toast({ title: "Link copied" }))
            }
          >
            Copy link
          </Button>
        </div>
      ) : null}
      {!a.calendarWriteGranted ? (
        <p className="mb-4 text-sm">
          Bookings can be added to your Google Calendar.{" "}
          {/* A full navigation on purpose: the route answers with a redirect to Google's consent page. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="font-medium text-primary underline" href="/api/v1/google/oauth?scope=booking">
            Allow OmniCRM to add events
          </a>
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="bk-handle">Link name</Label>
          <Input
            id="bk-handle"
            value={handle}
            onChange={(e) => setHandle(e.target.value)}
            placeholder="maya-yoga"
          />
        </div>
        <div>
          <Label htmlFor="bk-name">Name shown to clients</Label>
          <Input id="bk-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      <p className="mt-4 text-sm font-medium">Weekly hours ({a.timeZone}) — e.g. 09:00-12:00, 14:00-17:00</p>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {weekdays.map((d) => (
          <div key={d} className="flex items-center gap-2">
            <Label htmlFor={`bk-${d}`} className="w-10">
              {DAY_NAMES[d]}
            </Label>
            <Input
              id={`bk-${d}`}
              value={hours[d]}
              onChange={(e) => setHours({ ...hours, [d]: e.target.value })}
              placeholder="off"
            />
          </div>
        ))}
      </div>
      <div className="mt-4 grid gap-3 sm:grid-cols-3">
        <Field id="bk-notice" label="Minimum notice (hours)" value={notice} set={setNotice} />
        <Field id="bk-ahead" label="Bookable days ahead" value={ahead} set={setAhead} />
        <Field id="bk-step" label="Start times every (min)" value={step} set={setStep} />
        <Field id="bk-cap" label="Most bookings a day" value={cap} set={setCap} />
        <Field id="bk-rem" label="Reminders (hours before)" value={reminders} set={setReminders} />
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={save.isPending}
          onClick={() => submit(a.enabled || !!handle.trim())}
        >
          Save
        </Button>
        {a.enabled ? (
          <Button disabled={save.isPending} onClick={() => submit(false)}>
            Turn page off
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

function Field({
  id,
  label,
  value,
  set,
}: {
  id: string;
  label: string;
  value: string;
  set: (v: string) => void;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );
}
