"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileUp } from "lucide-react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { queryGate } from "@/components/ui/query-state";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import { api } from "@/lib/api-client";
import { dateTime } from "@/lib/format";
import { qk } from "@/lib/query-keys";

type ImportBatch = {
  id: string;
  provider: string;
  status: string;
  counts: Record<string, number>;
  createdAt: string;
  undoneAt: string | null;
};

const KIND: Record<string, string> = { csv: "CSV file", vcard: "vCard file" };

function ImportHistory() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: qk.settings.imports,
    queryFn: () => api.get<{ items: ImportBatch[] }>("/api/v1/imports").then((r) => r.items),
  });
  const undo = useMutation({
    mutationFn: (id: string) => api.post<{ removed: number }>(`/api/v1/imports/${id}/undo`),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: qk.settings.imports });
      void client.invalidateQueries({ queryKey: qk.contacts.all });
      void client.invalidateQueries({ queryKey: qk.dashboard });
      toast({ title: "Import undone", description: `${r.removed} contacts removed.`, tone: "success" });
    },
    onError: (e) =>
      toast({ title: "Couldn't undo the import", description: friendlyError(e), tone: "error" }),
  });
  const gate = queryGate(query, "your imports");
  if (gate) return gate;
  const items = query.data!;
  if (!items.length)
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">
          No imports yet. Bring in a spreadsheet or a phone&apos;s contacts (.vcf).
        </p>
        <Link href="/contacts" className={buttonClass("secondary")}>
          <FileUp aria-hidden size={16} /> Import contacts
        </Link>
      </div>
    );
  return (
    <ul className="divide-y divide-border" aria-label="Past imports">
      {items.map((b) => (
        <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
          <span>
            <span className="font-medium">{KIND[b.provider] ?? b.provider}</span> · {dateTime(b.createdAt)} ·{" "}
            <span className="tabular">{b.counts.contacts ?? 0} contacts</span>
            {b.undoneAt ? <span className="text-muted"> · undone</span> : null}
          </span>
          {!b.undoneAt ? (
            <Button
              size="sm"
              className="h-[44px]"
              loading={undo.isPending && undo.variables === b.id}
              onClick={() => undo.mutate(b.id)}
            >
              Undo
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DataSection() {
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>Export everything</CardTitle>
        <p className="mb-3 text-sm text-muted">
          One JSON file with all your contacts, notes, interactions, tags, settings and contact photos. Keep
          it as a backup or take it elsewhere.
        </p>
        <a href="/api/v1/exports/data" className={buttonClass("primary")} download>
          <Download aria-hidden size={16} /> Download all my data
        </a>
      </Card>
      <Card>
        <CardTitle>Imports</CardTitle>
        <ImportHistory />
      </Card>
      <p className="text-sm text-muted">
        Imports from Gmail and Google Calendar are listed on the{" "}
        <Link href="/settings/sync" className="text-primary underline">
          Sync
        </Link>{" "}
        page.
      </p>
    </div>
  );
}
