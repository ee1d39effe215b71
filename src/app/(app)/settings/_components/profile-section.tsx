"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { queryGate } from "@/components/ui/query-state";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api, ApiError } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { displayNameSchema, timeZoneSchema, type Profile } from "@/server/profile/schemas";
import { SaveStatus } from "./save-status";

function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function allZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...zones])].sort();
}

function ProfileForm({ profile }: { profile: Profile }) {
  const client = useQueryClient();
  const [name, setName] = useState(profile.name);
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [errors, setErrors] = useState<{ name?: string; timeZone?: string }>({});
  const zones = useMemo(() => allZones(profile.timeZone), [profile.timeZone]);
  const device = browserZone();
  const save = useMutation({
    mutationFn: (body: { name: string; timeZone: string }) =>
      api.patch<Profile>("/api/v1/settings/profile", body),
    onSuccess: (p) => {
      client.setQueryData(qk.settings.profile, p);
      // Charts and usage are bucketed in the user's time zone.
      void client.invalidateQueries({ queryKey: qk.dashboard });
      void client.invalidateQueries({ queryKey: qk.ai.usageHistory });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors({ name: e.field("name"), timeZone: e.field("timeZone") });
    },
  });
  const check = (field: "name" | "timeZone", value: string) => {
    const r = (field === "name" ? displayNameSchema : timeZoneSchema).safeParse(value);
    setErrors((e) => ({ ...e, [field]: r.success ? undefined : r.error.issues[0]?.message }));
    return r.success;
  };
  const submit = () => {
    const ok = [check("name", name), check("timeZone", timeZone)].every(Boolean);
    if (ok) save.mutate({ name: name.trim(), timeZone });
  };
  return (
    <Card>
      <form
        noValidate
        className="grid max-w-lg gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div>
          <Label htmlFor="profile-email">Email</Label>
          <Input id="profile-email" value={profile.email} readOnly disabled />
        </div>
        <div>
          <Label htmlFor="profile-name">Your name</Label>
          <Input
            id="profile-name"
            value={name}
            autoComplete="name"
            onChange={(e) => {
              setName(e.target.value);
              // Once an error shows, it clears as soon as the value is fixed (no jump on submit).
              if (errors.name) check("name", e.target.value);
            }}
            onBlur={() => check("name", name)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "profile-name-err" : undefined}
          />
          <FieldError id="profile-name-err" message={errors.name} />
        </div>
        <div>
          <Label htmlFor="profile-tz">Time zone</Label>
          <Select
            id="profile-tz"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            onBlur={() => check("timeZone", timeZone)}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby="profile-tz-help"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </Select>
          <p id="profile-tz-help" className="mt-1 text-sm text-muted">
            Reminders, digests, bookings and charts use this zone.
          </p>
          {device && device !== timeZone ? (
            <button
              type="button"
              className="mt-1 min-h-[44px] text-sm font-medium text-primary underline"
              onClick={() => setTimeZone(device)}
            >
              Use this device&apos;s zone ({device.replace(/_/g, " ")})
            </button>
          ) : null}
          <FieldError message={errors.timeZone} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save profile
          </Button>
          <SaveStatus
            saved={save.isSuccess}
            error={save.error && !errors.name && !errors.timeZone ? friendlyError(save.error) : null}
          />
        </div>
      </form>
    </Card>
  );
}

export function ProfileSection() {
  const query = useQuery({
    queryKey: qk.settings.profile,
    queryFn: () => api.get<Profile>("/api/v1/settings/profile"),
  });
  const gate = queryGate(query, "your profile");
  if (gate) return gate;
  return <ProfileForm profile={query.data!} />;
}
