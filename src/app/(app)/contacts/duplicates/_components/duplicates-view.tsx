"use client";

import Link from "next/link";
import { ArrowLeft, GitMerge } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { shortDate } from "@/lib/format";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { StageBadge } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { PageHeader } from "@/components/shell/page-header";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactSummary } from "@/components/contacts/types";
import type { DuplicatePair } from "@/server/contacts/find-duplicates";

const reasonText = {
  same_email: "Same email",
  same_phone: "Same phone",
  similar_name: "Similar name",
} as const;

function Side({
  c,
  chosen,
  onChoose,
  name,
}: {
  c: ContactSummary;
  chosen: boolean;
  onChoose: () => void;
  name: string;
}) {
  return (
    <label
      className={`flex flex-1 cursor-pointer items-start gap-3 rounded-lg border p-3 ${chosen ? "border-primary bg-primary/5" : "border-border"}`}
    >
      <input
        type="radio"
        name={name}
        checked={chosen}
        onChange={onChoose}
        className="mt-1 h-4 w-4 accent-[var(--primary)]"
        aria-label={`Keep ${c.displayName}`}
      />
      <Avatar name={c.displayName} src={c.avatarUrl} />
      <span className="min-w-0 text-sm">
        <Link href={`/contacts/${c.id}`} className="block truncate font-medium hover:underline">
          {c.displayName}
        </Link>
        <span className="block truncate text-muted">
          {[c.primaryEmail, c.primaryPhone].filter(Boolean).join(" · ") || "No email or phone"}
        </span>
        <span className="mt-1 flex flex-wrap items-center gap-2">
          <StageBadge stage={c.stage} />
          <span className="text-xs text-muted">added {shortDate(c.createdAt)}</span>
        </span>
      </span>
    </label>
  );
}

function PairCard({ pair, onMerged }: { pair: DuplicatePair; onMerged: () => void }) {
  // Default survivor: the one with more history (older), which is usually the "real" record.
  const [keep, setKeep] = useState<"a" | "b">(pair.a.createdAt <= pair.b.createdAt ? "a" : "b");
  const [busy, setBusy] = useState(false);
  const survivor = keep === "a" ? pair.a : pair.b;
  const merged = keep === "a" ? pair.b : pair.a;
  const merge = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ mergeId: string }>("/api/v1/contacts/merge", {
        survivorId: survivor.id,
        mergedId: merged.id,
      });
      onMerged();
      toast({
        title: `Merged into ${survivor.displayName}`,
        tone: "success",
        durationMs: 12000,
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              await api.post(`/api/v1/contacts/merges/${r.mergeId}/undo`);
              toast({ title: "Merge undone", tone: "success" });
            } catch (e) {
              toast({ title: "Couldn't undo the merge", description: friendlyError(e), tone: "error" });
            }
          },
        },
      });
    } catch (e) {
      toast({
        title: "Couldn't merge",
        description: friendlyError(e, "one of these contacts"),
        tone: "error",
      });
      setBusy(false);
    }
  };
  const group = `keep-${pair.a.id}-${pair.b.id}`;
  return (
    <Card className="p-4" data-testid="duplicate-pair">
      <p className="mb-2 text-sm text-muted">
        {pair.reasons.map((r) => reasonText[r]).join(" · ")} — choose which one to keep:
      </p>
      <div className="flex flex-col gap-2 sm:flex-row" role="radiogroup" aria-label="Contact to keep">
        <Side c={pair.a} name={group} chosen={keep === "a"} onChoose={() => setKeep("a")} />
        <Side c={pair.b} name={group} chosen={keep === "b"} onChoose={() => setKeep("b")} />
      </div>
      <div className="mt-3 flex items-center justify-between gap-2">
        <span className="text-xs text-muted">
          Emails, phones, notes, tags and history of {merged.displayName} move to {survivor.displayName}.
        </span>
        <Button variant="primary" size="sm" loading={busy} onClick={() => void merge()}>
          <GitMerge aria-hidden size={14} /> Merge
        </Button>
      </div>
    </Card>
  );
}

export function DuplicatesView() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: qk.contacts.duplicates,
    queryFn: () => api.get<{ items: DuplicatePair[] }>("/api/v1/contacts/duplicates").then((r) => r.items),
  });
  const state = {
    items: query.data ?? (query.error ? [] : null),
    error: query.error ? friendlyError(query.error, "possible duplicates") : null,
  };
  const key = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`;
  const drop = (p: DuplicatePair) =>
    client.setQueryData<DuplicatePair[]>(qk.contacts.duplicates, (items) =>
      (items ?? []).filter(
        (x) => key(x) !== key(p) && ![x.a.id, x.b.id].some((id) => id === p.a.id || id === p.b.id),
      ),
    );
  return (
    <>
      <Link
        href="/contacts"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft aria-hidden size={14} /> Contacts
      </Link>
      <PageHeader
        title="Possible duplicates"
        description="The same person added twice, e.g. from an import and from Gmail."
      />
      {state.error ? <ErrorState message={state.error} onRetry={() => void query.refetch()} /> : null}
      {state.items === null ? (
        <div className="space-y-3">
          {[0, 1].map((i) => (
            <Skeleton key={i} className="h-36" />
          ))}
        </div>
      ) : state.items.length === 0 && !state.error ? (
        <EmptyState icon={GitMerge} title="No duplicates found">
          We look for the same email or phone, and very similar names.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          {state.items.map((p) => (
            <PairCard
              key={key(p)}
              pair={p}
              onMerged={() => {
                drop(p);
                // The merged contact left every list; the pairs are recomputed.
                void client.invalidateQueries({ queryKey: qk.contacts.all });
                void client.invalidateQueries({ queryKey: qk.dashboard });
              }}
            />
          ))}
        </div>
      )}
    </>
  );
}
