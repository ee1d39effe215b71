"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Clock, Paperclip } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { relativeTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import type { OutboxItem } from "@/components/outbox/types";

function when(it: OutboxItem): string {
  switch (it.status) {
    case "draft":
      return it.sendAtLocal ? `Draft · to go ${it.sendAtLocal}` : "Draft · not sent";
    case "scheduled":
      return `Scheduled · ${it.sendAtLocal ?? ""}`;
    case "approved":
    case "sending":
      return "Sending now…";
    case "sent":
      return `Sent ${it.sentAt ? relativeTime(it.sentAt) : ""}`;
    case "failed":
      return `Not sent: ${it.lastError ?? "failed"}`;
    default:
      return it.status;
  }
}

/** One email, read like a mail client's draft list: recipient, subject, first line, when. */
export function OutboxRow({
  item: it,
  selected,
  onSelect,
  onError,
}: {
  item: OutboxItem;
  selected: boolean;
  onSelect?: (on: boolean) => void;
  onError: (e: unknown) => void;
}) {
  const qc = useQueryClient();
  const [scheduling, setScheduling] = useState(false);
  const [at, setAt] = useState("");
  const refresh = () => void qc.invalidateQueries({ queryKey: ["outbox"] });
  const approve = useMutation({
    mutationFn: (sendAt?: string) =>
      api.post<OutboxItem>(`/api/v1/outbox/${it.id}/approve`, sendAt ? { sendAt } : {}),
    onSuccess: (r) => {
      refresh();
      setScheduling(false);
      toast({
        title: r.status === "scheduled" ? `Scheduled for ${r.sendAtLocal}` : `Sending to ${it.contactName}`,
        tone: "success",
      });
    },
    onError,
  });
  const cancel = useMutation({
    mutationFn: () => api.delete<{ status: string }>(`/api/v1/outbox/${it.id}`),
    onSuccess: (r) => {
      refresh();
      toast({ title: r.status === "deleted" ? "Draft discarded" : "Cancelled: it will not be sent" });
    },
    onError,
  });
  const pending = it.status === "draft" || it.status === "failed";
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center" data-testid="outbox-row">
      {onSelect ? (
        <input
          type="checkbox"
          aria-label={`Select email to ${it.contactName}`}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          className="h-4 w-4"
        />
      ) : null}
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2 text-sm">
          <Link href={`/contacts/${it.contactId}`} className="font-medium hover:underline">
            {it.contactName}
          </Link>
          <span className="truncate text-muted">{it.to}</span>
        </p>
        <p className="truncate font-medium">
          {it.subject}
          {it.attachments.length ? (
            <Paperclip aria-label="Has attachments" size={14} className="ml-1 inline" />
          ) : null}
        </p>
        <p className="truncate text-sm text-muted">{it.preview}</p>
        <p
          className={`mt-1 flex items-center gap-1 text-xs ${it.status === "failed" ? "text-danger" : "text-muted"}`}
        >
          {it.status === "scheduled" ? <Clock aria-hidden size={12} /> : null}
          {when(it)}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {pending && scheduling ? (
          <>
            <label className="sr-only" htmlFor={`at-${it.id}`}>
              Send at (your time)
            </label>
            <Input
              id={`at-${it.id}`}
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              className="w-auto"
            />
            <Button size="sm" disabled={!at} loading={approve.isPending} onClick={() => approve.mutate(at)}>
              Approve for then
            </Button>
          </>
        ) : null}
        {pending && !scheduling ? (
          <>
            <Button variant="primary" loading={approve.isPending} onClick={() => approve.mutate(undefined)}>
              Approve &amp; send
            </Button>
            <Button variant="ghost" onClick={() => setScheduling(true)}>
              Schedule
            </Button>
          </>
        ) : null}
        {pending || it.status === "approved" || it.status === "scheduled" ? (
          <Button variant="ghost" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {pending ? "Discard" : "Cancel"}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
