"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { consentUrl, outboxErrorMessage, type OutboxItem } from "@/components/outbox/types";
import { OutboxRow } from "./outbox-row";

const SECTIONS: { title: string; statuses: OutboxItem["status"][] }[] = [
  { title: "Waiting for approval", statuses: ["draft", "failed"] },
  { title: "Going out", statuses: ["approved", "scheduled", "sending"] },
  { title: "Sent", statuses: ["sent"] },
];

/** The Outbox: drafts to approve (one or a batch), scheduled mail, and what was sent. */
export function OutboxView({ sendAllowed = false }: { sendAllowed?: boolean }) {
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [consent, setConsent] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["outbox"],
    queryFn: () => api.get<{ items: OutboxItem[] }>("/api/v1/outbox?limit=200"),
    // While something is on its way, check back now and then (well under the API rate limit).
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => i.status === "approved" || i.status === "sending") ? 4000 : false,
  });
  const onError = (e: unknown) => {
    const url = consentUrl(e);
    if (url) return setConsent(url);
    toast({ title: "Couldn't do that", description: outboxErrorMessage(e), tone: "error" });
  };
  const approveMany = useMutation({
    mutationFn: (ids: string[]) => api.post<{ items: OutboxItem[] }>("/api/v1/outbox/approve", { ids }),
    onSuccess: (r) => {
      setSelected([]);
      void qc.invalidateQueries({ queryKey: ["outbox"] });
      toast({ title: `${r.items.length} email${r.items.length === 1 ? "" : "s"} approved`, tone: "success" });
    },
    onError,
  });

  if (list.isPending)
    return (
      <div className="space-y-3" aria-label="Loading the outbox">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
    );
  if (list.isError)
    return (
      <ErrorState
        message={outboxErrorMessage(list.error, "your outbox")}
        onRetry={() => void list.refetch()}
      />
    );
  const items = list.data.items.filter((i) => i.status !== "cancelled");
  if (!items.length)
    return (
      <EmptyState icon={Inbox} title="Your outbox is empty">
        Write to someone from their contact page (Email), reply to an email on their timeline, or ask the
        assistant to draft one. Drafts wait here for your approval.
      </EmptyState>
    );
  const drafts = items.filter((i) => i.status === "draft").map((i) => i.id);
  return (
    <div className="space-y-8">
      {sendAllowed && !consent ? (
        <p role="status" className="rounded-[12px] border border-border bg-surface p-4 text-sm">
          Sending from your Gmail is allowed now. Approve your drafts again to send them.
        </p>
      ) : null}
      {consent ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-[12px] border border-accent/50 bg-surface p-4"
        >
          <ShieldCheck aria-hidden className="text-primary" />
          <p className="flex-1 text-sm">
            To send from OmniCRM, Google asks you once to allow sending email from your Gmail. Reading stays
            as it is.
          </p>
          <a
            href={consent}
            className="rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white hover:bg-primary-hover"
          >
            Allow sending
          </a>
        </div>
      ) : null}
      {SECTIONS.map((s) => {
        const rows = items.filter((i) => s.statuses.includes(i.status));
        if (!rows.length) return null;
        const isDrafts = s.statuses.includes("draft");
        return (
          <section key={s.title} aria-label={s.title}>
            <div className="mb-2 flex items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">{s.title}</h2>
              {isDrafts && drafts.length > 1 ? (
                <Button
                  size="sm"
                  loading={approveMany.isPending}
                  disabled={!selected.length}
                  onClick={() => approveMany.mutate(selected)}
                >
                  Approve selected ({selected.length})
                </Button>
              ) : null}
            </div>
            <ul className="divide-y divide-border rounded-[12px] border border-border bg-surface">
              {rows.map((it) => (
                <OutboxRow
                  key={it.id}
                  item={it}
                  selected={selected.includes(it.id)}
                  onSelect={
                    it.status === "draft" && drafts.length > 1
                      ? (on) => setSelected(on ? [...selected, it.id] : selected.filter((x) => x !== it.id))
                      : undefined
                  }
                  onError={onError}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
