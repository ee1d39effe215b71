"use client";

import { Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { Markdown } from "@/components/ui/markdown";
import { dateTime, relativeTime } from "@/lib/format";
import type { NoteView } from "@/components/contacts/types";

/** One note: rendered Markdown, pin, inline edit, delete. */
export function NoteItem({
  note,
  onSave,
  onPin,
  onDelete,
}: {
  note: NoteView;
  onSave: (body: string) => Promise<void>;
  onPin: () => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await onSave(draft);
      setEditing(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className={`rounded-[12px] border bg-surface p-4 ${note.pinned ? "border-accent/60" : "border-border"}`}
      data-testid="note"
    >
      <div className="mb-2 flex items-center justify-between gap-2 text-xs text-muted">
        <span title={dateTime(note.createdAt)}>
          {note.pinned ? <span className="mr-2 font-semibold text-accent">Pinned</span> : null}
          {relativeTime(note.createdAt)}
          {note.updatedAt !== note.createdAt ? " · edited" : ""}
        </span>
        <span className="flex gap-1">
          <Button
            size="icon"
            variant="ghost"
            aria-label={note.pinned ? "Unpin note" : "Pin note"}
            onClick={onPin}
            className="h-8 w-8"
          >
            {note.pinned ? <PinOff aria-hidden size={15} /> : <Pin aria-hidden size={15} />}
          </Button>
          <Button
            size="icon"
            variant="ghost"
            aria-label="Edit note"
            onClick={() => {
              setDraft(note.body);
              setEditing(true);
            }}
            className="h-8 w-8"
          >
            <Pencil aria-hidden size={15} />
          </Button>
          <Button
            size="icon"
            variant="ghost"
            aria-label="Delete note"
            onClick={onDelete}
            className="h-8 w-8 text-danger"
          >
            <Trash2 aria-hidden size={15} />
          </Button>
        </span>
      </div>
      {editing ? (
        <div className="space-y-2">
          <label className="sr-only" htmlFor={`edit-${note.id}`}>
            Edit note
          </label>
          <Textarea
            id={`edit-${note.id}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoFocus
            rows={5}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void save();
              if (e.key === "Escape") setEditing(false);
            }}
          />
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button
              size="sm"
              variant="primary"
              loading={busy}
              disabled={!draft.trim()}
              onClick={() => void save()}
            >
              Save
            </Button>
          </div>
        </div>
      ) : (
        <Markdown source={note.body} className="text-[15px]" />
      )}
      {note.redactions ? (
        <p className="mt-2 text-xs text-muted">
          {note.redactions} card or account number(s) were hidden before saving.
        </p>
      ) : null}
    </li>
  );
}
