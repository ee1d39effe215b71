"use client";

import { ChevronDown, Tag, Trash2, X } from "lucide-react";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import { STAGES, type Stage } from "@/components/ui/stage-badge";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { ContactSummary, TagView } from "@/components/contacts/types";

type Bulk =
  | { action: "addTags" | "removeTags"; tagIds: string[] }
  | { action: "setStage"; stage: Stage }
  | { action: "delete" | "restore" };

/** Acts on the selected rows: optimistic in the list, one all-or-nothing API call, Undo where possible. */
export function BulkBar({
  ids,
  tags,
  onClear,
  update,
  reload,
}: {
  ids: string[];
  tags: TagView[];
  onClear: () => void;
  update: (fn: (items: ContactSummary[]) => ContactSummary[]) => void;
  reload: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const n = ids.length;
  const who = n === 1 ? "1 contact" : `${n} contacts`;
  const sel = new Set(ids);

  const run = async (
    body: Bulk,
    done: string,
    undo?: Bulk,
    local?: (c: ContactSummary) => ContactSummary | null,
  ) => {
    setBusy(true);
    if (local)
      update((items) =>
        items.map((c) => (sel.has(c.id) ? local(c) : c)).filter((c): c is ContactSummary => !!c),
      );
    try {
      await api.post("/api/v1/contacts/bulk", { ...body, ids });
      onClear();
      toast({
        title: done,
        tone: "success",
        action: undo
          ? {
              label: "Undo",
              onClick: async () => {
                try {
                  await api.post("/api/v1/contacts/bulk", { ...undo, ids });
                  toast({ title: "Undone", tone: "success" });
                } catch (e) {
                  toast({ title: "Couldn't undo", description: friendlyError(e), tone: "error" });
                }
                reload();
              },
            }
          : undefined,
      });
    } catch (e) {
      toast({ title: "Nothing was changed", description: friendlyError(e), tone: "error" });
      reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="sticky bottom-20 z-10 mb-3 flex flex-wrap items-center gap-2 rounded-[12px] border border-border bg-surface p-2 shadow-lg md:bottom-4"
    >
      <span className="px-2 text-sm font-medium tabular">{who} selected</span>
      <DropdownMenu
        label="Add a tag"
        trigger={
          <Button size="sm" disabled={busy || !tags.length}>
            <Tag aria-hidden size={14} /> Tag <ChevronDown aria-hidden size={14} />
          </Button>
        }
        items={tags.map((t) => ({
          label: t.name,
          onSelect: () =>
            void run(
              { action: "addTags", tagIds: [t.id] },
              `Tagged ${who} “${t.name}”`,
              { action: "removeTags", tagIds: [t.id] },
              (c) => (c.tags.some((x) => x.id === t.id) ? c : { ...c, tags: [...c.tags, t] }),
            ),
        }))}
      />
      <DropdownMenu
        label="Set stage"
        trigger={
          <Button size="sm" disabled={busy}>
            Stage <ChevronDown aria-hidden size={14} />
          </Button>
        }
        items={STAGES.map((s) => ({
          label: s,
          onSelect: () =>
            void run({ action: "setStage", stage: s }, `Moved ${who} to ${s}`, undefined, (c) => ({
              ...c,
              stage: s,
            })),
        }))}
      />
      <Button
        size="sm"
        variant="ghost"
        className="text-danger"
        disabled={busy}
        onClick={() => void run({ action: "delete" }, `Deleted ${who}`, { action: "restore" }, () => null)}
      >
        <Trash2 aria-hidden size={14} /> Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear} aria-label="Clear selection" className="ml-auto">
        <X aria-hidden size={14} />
      </Button>
    </div>
  );
}
