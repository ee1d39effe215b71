"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Laptop, LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { queryGate } from "@/components/ui/query-state";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api, ApiError } from "@/lib/api-client";
import { relativeTime } from "@/lib/format";
import { qk } from "@/lib/query-keys";
import { changePasswordSchema, type SessionView } from "@/server/account/schemas";
import { DeleteAccountSection } from "./delete-account";
import { SaveStatus } from "./save-status";

type Fields = { currentPassword: string; newPassword: string };

function ChangePassword() {
  const client = useQueryClient();
  const [v, setV] = useState<Fields>({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<Partial<Fields>>({});
  const save = useMutation({
    mutationFn: (body: Fields) => api.post("/api/v1/account/password", body),
    onSuccess: () => {
      setV({ currentPassword: "", newPassword: "" });
      // Every other device was signed out.
      void client.invalidateQueries({ queryKey: qk.settings.sessions });
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setErrors({ currentPassword: e.field("password"), newPassword: e.field("newPassword") });
    },
  });
  const check = (k: keyof Fields, value = v[k]) => {
    const r = changePasswordSchema.shape[k].safeParse(value);
    setErrors((x) => ({ ...x, [k]: r.success ? undefined : r.error.issues[0]?.message }));
    return r.success;
  };
  const field = (k: keyof Fields, label: string, auto: string) => (
    <div>
      <Label htmlFor={`pw-${k}`}>{label}</Label>
      <Input
        id={`pw-${k}`}
        type="password"
        autoComplete={auto}
        value={v[k]}
        onChange={(e) => {
          setV((x) => ({ ...x, [k]: e.target.value }));
          if (errors[k]) check(k, e.target.value);
        }}
        onBlur={() => check(k)}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `pw-${k}-err` : undefined}
      />
      <FieldError id={`pw-${k}-err`} message={errors[k]} />
    </div>
  );
  return (
    <Card>
      <CardTitle>Change password</CardTitle>
      <form
        noValidate
        className="grid max-w-md gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if ([check("currentPassword"), check("newPassword")].every(Boolean)) save.mutate(v);
        }}
      >
        {field("currentPassword", "Current password", "current-password")}
        {field("newPassword", "New password (at least 10 characters)", "new-password")}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Change password
          </Button>
          <SaveStatus
            saved={save.isSuccess}
            error={
              save.error && !errors.currentPassword && !errors.newPassword ? friendlyError(save.error) : null
            }
          />
        </div>
        {save.isSuccess ? <p className="text-sm text-muted">Your other devices were signed out.</p> : null}
      </form>
    </Card>
  );
}

function device(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Chrome\//.test(ua)
      ? "Chrome"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /iPhone|iPad/.test(ua)
    ? "iPhone/iPad"
    : /Android/.test(ua)
      ? "Android"
      : /Mac OS X/.test(ua)
        ? "Mac"
        : /Windows/.test(ua)
          ? "Windows"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

function Sessions() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: qk.settings.sessions,
    queryFn: () => api.get<{ items: SessionView[] }>("/api/v1/account/sessions").then((r) => r.items),
  });
  const revoke = useMutation({
    mutationFn: (s: SessionView) => api.delete(`/api/v1/account/sessions/${s.id}`),
    onSuccess: (_, s) => {
      if (s.current) return window.location.assign("/login");
      void client.invalidateQueries({ queryKey: qk.settings.sessions });
      toast({ title: `${device(s.userAgent)} signed out`, tone: "success" });
    },
    onError: (e) =>
      toast({ title: "Couldn't sign that device out", description: friendlyError(e), tone: "error" }),
  });
  const gate = queryGate(query, "your signed-in devices");
  return (
    <Card>
      <CardTitle>Signed-in devices</CardTitle>
      {gate ?? (
        <ul className="divide-y divide-border" aria-label="Signed-in devices">
          {query.data!.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
              data-testid="session-row"
            >
              <span className="flex items-start gap-3 text-sm">
                <Laptop aria-hidden size={18} className="mt-0.5 text-muted" />
                <span>
                  <span className="font-medium">{device(s.userAgent)}</span>
                  {s.current ? <span className="ml-2 text-success">This device</span> : null}
                  <span className="block text-muted">
                    Signed in {relativeTime(s.createdAt)} · last active {relativeTime(s.lastActiveAt)}
                    {s.ipAddress ? ` · ${s.ipAddress}` : ""}
                  </span>
                </span>
              </span>
              <Button
                className="h-[44px]"
                loading={revoke.isPending && revoke.variables?.id === s.id}
                onClick={() => revoke.mutate(s)}
                aria-label={s.current ? "Sign out this device" : `Sign out ${device(s.userAgent)}`}
              >
                <LogOut aria-hidden size={16} /> Sign out
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function AccountSection() {
  return (
    <div className="space-y-4">
      <ChangePassword />
      <Sessions />
      <DeleteAccountSection />
    </div>
  );
}
