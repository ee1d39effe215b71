"use client";
import { useState } from "react";
import { Calendar, Mail } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import { PreviewResult } from "./preview-result";
import type { CalendarPreview, GmailPreview, ProviderStatus, Service } from "./types";

const LABEL: Record<Service, string> = { gmail: "Gmail", calendar: "Google Calendar" };
const STATE_TEXT: Record<ProviderStatus["state"], string> = {
  not_connected: "Not connected",
  idle: "Connected",
  importing: "Importing…",
  needs_reconnect: "Needs reconnecting",
  retrying: "Waiting to retry",
};

function nextStep(s: ProviderStatus): string {
  switch (s.state) {
    case "not_connected":
      return `Connect your Google account to bring in ${s.enabled ? "your history" : "data"}; nothing is imported until you approve it.`;
    case "needs_reconnect":
      return "Google access was revoked or expired. Reconnect to continue syncing.";
    case "importing":
      return "Importing in the background — you can leave this page.";
    case "retrying":
      return `Google asked us to wait; we try again at ${new Date(s.nextAttemptAt).toLocaleTimeString()}.`;
    default:
      return "Preview what would be imported, then approve.";
  }
}

function problem(e: unknown): string {
  if (e instanceof ApiError && e.code === "conflict") return "Reconnect Google first, then try again.";
  if (e instanceof ApiError && e.code === "rate_limited") return "Google is busy. Try again in a minute.";
  if (e instanceof ApiError && e.code === "upstream_error")
    return "Google did not answer. Try again shortly.";
  return "Something went wrong. Please try again.";
}

export function ServiceCard({
  service,
  status,
  onChange,
}: {
  service: Service;
  status: ProviderStatus;
  onChange: () => Promise<unknown>;
}) {
  const [busy, setBusy] = useState<null | "preview" | "approve" | "disconnect">(null);
  const [preview, setPreview] = useState<GmailPreview | CalendarPreview | null>(null);
  const Icon = service === "gmail" ? Mail : Calendar;
  const run = async (what: "preview" | "approve" | "disconnect") => {
    setBusy(what);
    try {
      if (what === "preview") setPreview(await api.post(`/api/v1/sync/preview/${service}`));
      if (what === "approve") {
        await api.post(`/api/v1/sync/approve/${service}`);
        setPreview(null);
        toast({
          title: `${LABEL[service]} import started`,
          description: "We will keep going in the background.",
          tone: "success",
        });
      }
      if (what === "disconnect") {
        await api.post("/api/v1/google/disconnect", { service });
        setPreview(null);
        toast({ title: `${LABEL[service]} disconnected` });
      }
      await onChange();
    } catch (e) {
      toast({ title: "That did not work", description: problem(e), tone: "error" });
    } finally {
      setBusy(null);
    }
  };
  const connected = status.state !== "not_connected" && status.state !== "needs_reconnect";
  const pct =
    status.state === "importing" && status.total
      ? Math.min(100, Math.round((status.done / status.total) * 100))
      : null;
  return (
    <Card data-testid={`sync-card-${service}`}>
      <CardTitle action={<Badge>{STATE_TEXT[status.state]}</Badge>}>
        <span className="inline-flex items-center gap-2">
          <Icon aria-hidden className="h-4 w-4" /> {LABEL[service]}
        </span>
      </CardTitle>
      {status.accountEmail ? <p className="text-sm text-muted">{status.accountEmail}</p> : null}
      <p className="mt-2 text-sm">{nextStep(status)}</p>
      {status.state === "importing" ? (
        <div className="mt-3" aria-live="polite">
          <div
            className="h-2 w-full overflow-hidden rounded-full bg-bg"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct ?? undefined}
            aria-label={`${LABEL[service]} import progress`}
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${pct ?? 5}%` }} />
          </div>
          <p className="mt-1 text-xs tabular-nums text-muted">
            {status.done}
            {status.total ? ` of about ${status.total}` : ""} items
          </p>
        </div>
      ) : null}
      {status.lastError && status.state !== "idle" ? (
        <p className="mt-2 text-sm text-danger">{status.lastError}</p>
      ) : null}
      {status.lastSync ? (
        <p className="mt-2 text-xs text-muted">Last sync {new Date(status.lastSync).toLocaleString()}</p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {!connected ? (
          <a className={buttonClass("primary", "md")} href={`/api/v1/google/oauth?scope=${service}`}>
            {status.state === "needs_reconnect" ? "Reconnect" : "Connect"} {LABEL[service]}
          </a>
        ) : (
          <>
            <Button
              variant="primary"
              loading={busy === "preview"}
              disabled={!!busy || status.state === "importing"}
              onClick={() => void run("preview")}
            >
              Preview import
            </Button>
            {preview ? (
              <Button
                variant="secondary"
                loading={busy === "approve"}
                disabled={!!busy}
                onClick={() => void run("approve")}
              >
                Approve import
              </Button>
            ) : null}
            <Button
              variant="ghost"
              loading={busy === "disconnect"}
              disabled={!!busy}
              onClick={() => void run("disconnect")}
            >
              Disconnect
            </Button>
          </>
        )}
      </div>
      {preview ? <PreviewResult service={service} preview={preview} /> : null}
    </Card>
  );
}
