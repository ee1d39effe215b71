"use client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { api } from "@/lib/api-client";
import type { JobItem } from "./types";

const KIND: Record<string, string> = {
  google_gmail_sync: "Gmail sync",
  google_calendar_sync: "Calendar sync",
  normalize_google_email: "Process emails",
  normalize_google_event: "Process events",
};

export function JobsCard({ jobs, onChange }: { jobs: JobItem[]; onChange: () => Promise<unknown> }) {
  if (!jobs.length) return null;
  const retry = async (j: JobItem) => {
    try {
      await api.post(`/api/v1/jobs/${j.id}/retry`);
      toast({ title: "Retrying", tone: "success" });
      await onChange();
    } catch {
      toast({ title: "Could not retry", description: "Please try again.", tone: "error" });
    }
  };
  return (
    <Card>
      <CardTitle>Recent background work</CardTitle>
      <ul className="divide-y divide-border">
        {jobs.map((j) => (
          <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              {KIND[j.kind] ?? j.kind} · <span className="text-muted">{j.status}</span>
              {j.lastError ? <span className="block text-danger">{j.lastError}</span> : null}
            </span>
            {j.status === "dead" || j.status === "error" ? (
              <Button size="sm" variant="secondary" onClick={() => void retry(j)}>
                Retry
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
