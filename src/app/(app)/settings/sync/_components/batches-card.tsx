"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast-store";
import { api } from "@/lib/api-client";
import type { Batch } from "./types";

const num = (v: unknown) => (typeof v === "number" ? v : 0);

export function BatchesCard({ batches, onChange }: { batches: Batch[]; onChange: () => Promise<unknown> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const undo = async (b: Batch) => {
    setBusy(b.id);
    try {
      const r = await api.post<{ removed: { interactions: number; contacts: number } }>("/api/v1/sync/undo", {
        batchId: b.id,
      });
      toast({
        title: "Import undone",
        description: `Removed ${r.removed.interactions} items and ${r.removed.contacts} contacts.`,
        tone: "success",
      });
      await onChange();
    } catch {
      toast({ title: "Could not undo", description: "Please try again.", tone: "error" });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card>
      <CardTitle>Imports</CardTitle>
      {batches.length === 0 ? (
        <p className="text-sm text-muted">No imports yet. Preview a service above, then approve it.</p>
      ) : (
        <ul className="divide-y divide-border" data-testid="batches">
          {batches.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <strong className="capitalize">{b.provider}</strong> ·{" "}
                {new Date(b.createdAt).toLocaleString()} ·{" "}
                <span className="tabular-nums">
                  {num(b.counts.imported)} items, {num(b.counts.contactsCreated)} new contacts
                </span>{" "}
                <span className="text-muted">({b.status})</span>
              </span>
              {b.status !== "undone" ? (
                <Button size="sm" variant="ghost" loading={busy === b.id} onClick={() => void undo(b)}>
                  Undo
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
