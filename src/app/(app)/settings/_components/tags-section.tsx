"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GitMerge, Plus, Sparkles, Tags, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { queryGate } from "@/components/ui/query-state";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { TagView } from "@/components/contacts/types";
import { useTags, type TagList } from "@/components/contacts/use-tags";
import { api, ApiError } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { tagInput } from "@/server/tags/schemas";

const DEFAULT_COLOR = "#4F7A64";

/**
 * Tags changed: the lists, filters and contact pages that show tags refetch. A removed tag
 * (deleted or merged away) leaves the list at once, before the refetch answers.
 */
function useTagsChanged() {
  const client = useQueryClient();
  return (removedId?: string) => {
    if (removedId)
      client.setQueryData<TagList>(qk.tags, (d) =>
        d ? { ...d, items: d.items.filter((t) => t.id !== removedId) } : d,
      );
    void client.invalidateQueries({ queryKey: qk.tags });
    void client.invalidateQueries({ queryKey: qk.contacts.all });
  };
}

function fail(title: string, e: unknown) {
  const msg =
    e instanceof ApiError && e.code === "conflict"
      ? "Another tag already has that name."
      : friendlyError(e, "that tag");
  toast({ title, description: msg, tone: "error" });
}

function NewTag() {
  const changed = useTagsChanged();
  const [name, setName] = useState("");
  const [color, setColor] = useState(DEFAULT_COLOR);
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: (body: { name: string; color: string }) => api.post<TagView>("/api/v1/tags", body),
    onSuccess: (t) => {
      setName("");
      changed();
      toast({ title: `Tag “${t.name}” added`, tone: "success" });
    },
    onError: (e) =>
      setError(
        e instanceof ApiError && e.code === "conflict"
          ? "You already have a tag with that name."
          : friendlyError(e),
      ),
  });
  const submit = () => {
    const r = tagInput.safeParse({ name, color });
    if (!r.success) return setError(r.error.issues[0]?.message ?? "Enter a name");
    setError(undefined);
    create.mutate({ name: r.data.name, color });
  };
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="min-w-48 flex-1">
        <Label htmlFor="new-tag-name">New tag</Label>
        <Input
          id="new-tag-name"
          value={name}
          placeholder="e.g. Prenatal"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-tag-err" : undefined}
        />
      </div>
      <div>
        <Label htmlFor="new-tag-color">Colour</Label>
        <input
          id="new-tag-color"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          className="h-[44px] w-14 cursor-pointer rounded-lg border border-border bg-surface p-1"
        />
      </div>
      <Button type="submit" variant="primary" loading={create.isPending} className="h-[44px]">
        <Plus aria-hidden size={16} /> Add tag
      </Button>
      <div className="basis-full">
        <FieldError id="new-tag-err" message={error} />
      </div>
    </form>
  );
}

function TagRow({
  tag,
  others,
  onMerge,
  onDelete,
}: {
  tag: TagView;
  others: number;
  onMerge: () => void;
  onDelete: () => void;
}) {
  const changed = useTagsChanged();
  const [name, setName] = useState(tag.name);
  const update = useMutation({
    mutationFn: (patch: { name?: string; color?: string }) =>
      api.patch<TagView>(`/api/v1/tags/${tag.id}`, patch),
    onSuccess: (t) => {
      changed();
      toast({ title: `Saved “${t.name}”`, tone: "success" });
    },
    onError: (e) => {
      setName(tag.name);
      fail("Couldn't save the tag", e);
    },
  });
  const rename = () => {
    const n = name.trim();
    if (!n || n === tag.name) return setName(tag.name);
    update.mutate({ name: n });
  };
  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="tag-row">
      <input
        type="color"
        aria-label={`Colour of ${tag.name}`}
        defaultValue={tag.color}
        onBlur={(e) => {
          if (e.target.value.toLowerCase() !== tag.color.toLowerCase())
            update.mutate({ color: e.target.value });
        }}
        className="h-[44px] w-[44px] shrink-0 cursor-pointer rounded-lg border border-border bg-surface p-1"
      />
      <Input
        aria-label={`Name of ${tag.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={rename}
        onKeyDown={(e) => {
          if (e.key === "Enter") (e.target as HTMLInputElement).blur();
          if (e.key === "Escape") setName(tag.name);
        }}
        className="h-[44px] min-w-40 flex-1"
      />
      <span className="w-24 text-sm text-muted tabular">
        {tag.contactCount} {tag.contactCount === 1 ? "contact" : "contacts"}
      </span>
      <span className="flex gap-1">
        {others ? (
          <Button
            variant="ghost"
            className="h-[44px]"
            onClick={onMerge}
            aria-label={`Merge ${tag.name} into another tag`}
          >
            <GitMerge aria-hidden size={16} /> Merge
          </Button>
        ) : null}
        <Button
          variant="ghost"
          className="h-[44px] text-danger"
          onClick={onDelete}
          aria-label={`Delete ${tag.name}`}
        >
          <Trash2 aria-hidden size={16} /> Delete
        </Button>
      </span>
    </li>
  );
}

function MergeDialog({
  source,
  tags,
  onClose,
}: {
  source: TagView | null;
  tags: TagView[];
  onClose: () => void;
}) {
  const changed = useTagsChanged();
  const [target, setTarget] = useState("");
  const options = tags.filter((t) => t.id !== source?.id);
  const chosen = target || options[0]?.id || "";
  const merge = useMutation({
    mutationFn: () =>
      api.post<{ target: TagView; moved: number }>("/api/v1/tags/merge", {
        sourceId: source!.id,
        targetId: chosen,
      }),
    onSuccess: (r) => {
      changed(source!.id);
      onClose();
      toast({ title: `Merged “${source!.name}” into “${r.target.name}”`, tone: "success" });
    },
    onError: (e) => fail("Couldn't merge the tags", e),
  });
  return (
    <Dialog
      open={!!source}
      onOpenChange={(o) => !o && onClose()}
      title={source ? `Merge “${source.name}”` : "Merge"}
      description="Its contacts get the other tag, then this one is removed."
    >
      <Label htmlFor="merge-target">Merge into</Label>
      <Select id="merge-target" value={chosen} onChange={(e) => setTarget(e.target.value)}>
        {options.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" loading={merge.isPending} onClick={() => merge.mutate()}>
          Merge tags
        </Button>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ tag, onClose }: { tag: TagView | null; onClose: () => void }) {
  const changed = useTagsChanged();
  const del = useMutation({
    mutationFn: () => api.delete(`/api/v1/tags/${tag!.id}`),
    onSuccess: () => {
      changed(tag!.id);
      onClose();
      toast({ title: `Tag “${tag!.name}” deleted`, tone: "success" });
    },
    onError: (e) => fail("Couldn't delete the tag", e),
  });
  return (
    <Dialog
      open={!!tag}
      onOpenChange={(o) => !o && onClose()}
      title={tag ? `Delete “${tag.name}”?` : "Delete"}
      description={
        tag
          ? `It is removed from ${tag.contactCount} ${tag.contactCount === 1 ? "contact" : "contacts"}. The contacts stay.`
          : undefined
      }
    >
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Keep it</Button>
        <Button variant="danger" loading={del.isPending} onClick={() => del.mutate()}>
          Delete tag
        </Button>
      </div>
    </Dialog>
  );
}

function StarterSet() {
  const changed = useTagsChanged();
  const seed = useMutation({
    mutationFn: () => api.post<{ created: number }>("/api/v1/tags/seed-starter"),
    onSuccess: (r) => {
      changed();
      toast({ title: `${r.created} starter tags added`, tone: "success" });
    },
    onError: (e) => fail("Couldn't add the starter tags", e),
  });
  return (
    <EmptyState
      icon={Tags}
      title="No tags yet"
      actions={
        <Button variant="primary" loading={seed.isPending} onClick={() => seed.mutate()}>
          <Sparkles aria-hidden size={16} /> Add the starter set
        </Button>
      }
    >
      Start with a wellness practice&apos;s usual groups — Yoga, Massage, Coaching, Workshop, Retreat, Class
      Pack, Intro Offer and a few more — or add your own below.
    </EmptyState>
  );
}

export function TagsSection() {
  const { query } = useTags();
  const [merging, setMerging] = useState<TagView | null>(null);
  const [deleting, setDeleting] = useState<TagView | null>(null);
  const gate = queryGate(query, "your tags");
  if (gate) return gate;
  const { items, starterTagsAvailable } = query.data!;
  return (
    <div className="space-y-4">
      {items.length === 0 && starterTagsAvailable ? <StarterSet /> : null}
      <Card>
        <NewTag />
        {items.length ? (
          <ul className="mt-4 divide-y divide-border border-t border-border" aria-label="Your tags">
            {items.map((t) => (
              <TagRow
                key={`${t.id}-${t.name}-${t.color}`}
                tag={t}
                others={items.length - 1}
                onMerge={() => setMerging(t)}
                onDelete={() => setDeleting(t)}
              />
            ))}
          </ul>
        ) : !starterTagsAvailable ? (
          <p className="mt-4 text-sm text-muted">
            No tags yet. Add one above, then tag contacts from their page or the list.
          </p>
        ) : null}
      </Card>
      <MergeDialog
        key={merging?.id ?? "none"}
        source={merging}
        tags={items}
        onClose={() => setMerging(null)}
      />
      <DeleteDialog tag={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
