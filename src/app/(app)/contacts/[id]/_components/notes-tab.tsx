"use client";

import { StickyNote } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { forwardRef, useState } from "react";
import { api } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { FieldError, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { friendlyError } from "@/components/contacts/friendly-error";
import type { NoteView } from "@/components/contacts/types";
import { NoteItem } from "./note-item";

const sortNotes = (ns: NoteView[]) =>
  [...ns].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt));

/** Composer on top, notes below (pinned first). Changes show at once; delete offers Undo. */
export const NotesTab = forwardRef<HTMLTextAreaElement, { contactId: string; onChanged: () => void }>(
  function NotesTab({ contactId, onChanged }, composerRef) {
    const client = useQueryClient();
    const key = qk.contacts.notes(contactId);
    const query = useQuery({
      queryKey: key,
      queryFn: () =>
        api.get<{ items: NoteView[] }>(`/api/v1/contacts/${contactId}/notes`).then((r) => r.items),
    });
    const notes = query.data ?? null;
    const error = query.error ? friendlyError(query.error, "the notes") : null;
    const setNotes = (fn: (ns: NoteView[] | null) => NoteView[]) =>
      client.setQueryData<NoteView[]>(key, (ns) => fn(ns ?? null));
    const [draft, setDraft] = useState("");
    const [saving, setSaving] = useState(false);
    const [draftError, setDraftError] = useState<string | undefined>();

    const create = async (body: string, pinned = false) => {
      const n = await api.post<NoteView>(`/api/v1/contacts/${contactId}/notes`, { body, pinned });
      setNotes((ns) => sortNotes([n, ...(ns ?? [])]));
      onChanged();
      return n;
    };

    const add = async () => {
      if (!draft.trim()) return setDraftError("Write something first.");
      setSaving(true);
      setDraftError(undefined);
      try {
        const n = await create(draft);
        setDraft("");
        toast({
          title: "Note saved",
          tone: "success",
          description: n.redactions ? "Card or account numbers were hidden." : undefined,
        });
      } catch (e) {
        setDraftError(friendlyError(e, "this contact"));
      } finally {
        setSaving(false);
      }
    };

    const patch = async (n: NoteView, body: { body?: string; pinned?: boolean }) => {
      setNotes((ns) => sortNotes((ns ?? []).map((x) => (x.id === n.id ? { ...x, ...body } : x))));
      try {
        const saved = await api.patch<NoteView>(`/api/v1/notes/${n.id}`, body);
        setNotes((ns) => sortNotes((ns ?? []).map((x) => (x.id === n.id ? saved : x))));
        onChanged();
      } catch (e) {
        setNotes((ns) => sortNotes((ns ?? []).map((x) => (x.id === n.id ? n : x))));
        toast({ title: "Couldn't save the note", description: friendlyError(e, "that note"), tone: "error" });
        throw e;
      }
    };

    const remove = async (n: NoteView) => {
      setNotes((ns) => (ns ?? []).filter((x) => x.id !== n.id));
      try {
        await api.delete(`/api/v1/notes/${n.id}`);
        onChanged();
        // Notes have no trash: Undo writes the same text back as a new note.
        toast({
          title: "Note deleted",
          tone: "success",
          action: {
            label: "Undo",
            onClick: async () => {
              try {
                await create(n.body, n.pinned);
              } catch (e) {
                toast({
                  title: "Couldn't bring the note back",
                  description: friendlyError(e),
                  tone: "error",
                });
              }
            },
          },
        });
      } catch (e) {
        setNotes((ns) => sortNotes([n, ...(ns ?? [])]));
        toast({
          title: "Couldn't delete the note",
          description: friendlyError(e, "that note"),
          tone: "error",
        });
      }
    };

    return (
      <div className="space-y-4">
        <div className="rounded-[12px] border border-border bg-surface p-3">
          <label htmlFor="new-note" className="mb-1 block text-sm font-medium">
            New note
          </label>
          <Textarea
            id="new-note"
            ref={composerRef}
            value={draft}
            placeholder="How did the session go? Markdown works: **bold**, - lists"
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? "new-note-err" : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void add();
            }}
          />
          <FieldError id="new-note-err" message={draftError} />
          <div className="mt-2 flex items-center justify-between gap-2">
            <span className="hidden text-xs text-muted sm:inline">Ctrl+Enter to save</span>
            <Button variant="primary" size="sm" loading={saving} onClick={() => void add()}>
              Save note
            </Button>
          </div>
        </div>
        {error ? <ErrorState message={error} onRetry={() => void query.refetch()} /> : null}
        {notes === null && !error ? (
          <Skeleton className="h-24" />
        ) : notes && notes.length === 0 ? (
          <EmptyState icon={StickyNote} title="No notes yet">
            Jot down what matters after a session: goals, preferences, what to follow up on.
          </EmptyState>
        ) : (
          <ul className="space-y-3" aria-label="Notes">
            {(notes ?? []).map((n) => (
              <NoteItem
                key={n.id}
                note={n}
                onSave={(body) => patch(n, { body })}
                onPin={() => void patch(n, { pinned: !n.pinned }).catch(() => undefined)}
                onDelete={() => void remove(n)}
              />
            ))}
          </ul>
        )}
      </div>
    );
  },
);
