"use client";

import { Pencil } from "lucide-react";
import { useId, useState } from "react";
import type { z } from "zod";
import { FieldError, Input, Textarea } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { friendlyError } from "@/components/contacts/friendly-error";

/**
 * Click (or Enter) to edit; blur or Enter saves, Esc cancels. Validates with the API's own
 * field schema before sending, and shows the server's message if it still refuses.
 */
export function EditableField({
  label,
  value,
  schema,
  onSave,
  multiline = false,
  type = "text",
  placeholder = "Add",
}: {
  label: string;
  value: string | null;
  schema: z.ZodType;
  onSave: (v: string | null) => Promise<unknown>;
  multiline?: boolean;
  type?: "text" | "date";
  placeholder?: string;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? "");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const commit = async () => {
    const next = draft.trim() === "" ? null : draft.trim();
    if (next === (value ?? null)) return setEditing(false);
    const parsed = schema.safeParse(next);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Please check this value.");
    setSaving(true);
    try {
      await onSave(next);
      setError(undefined);
      setEditing(false);
    } catch (e) {
      setError(friendlyError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="grid gap-1 border-b border-border py-3 last:border-0 sm:grid-cols-[200px_1fr] sm:gap-4">
      <label htmlFor={id} className="pt-2 text-sm font-medium text-muted">
        {label}
      </label>
      {editing ? (
        <div>
          {multiline ? (
            <Textarea
              id={id}
              value={draft}
              autoFocus
              rows={3}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => void commit()}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  setDraft(value ?? "");
                  setEditing(false);
                }
              }}
            />
          ) : (
            <Input
              id={id}
              type={type}
              value={draft}
              autoFocus
              aria-invalid={error ? true : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => void commit()}
              onKeyDown={(e) => {
                if (e.key === "Enter") void commit();
                if (e.key === "Escape") {
                  setDraft(value ?? "");
                  setEditing(false);
                }
              }}
            />
          )}
          {saving ? <Spinner label="Saving" className="mt-1 text-muted" /> : null}
          <FieldError message={error} />
        </div>
      ) : (
        <button
          id={id}
          type="button"
          onClick={() => {
            setDraft(value ?? "");
            setEditing(true);
          }}
          className="group flex min-h-10 w-full items-center justify-between gap-2 rounded-lg px-3 py-2 text-left hover:bg-bg"
        >
          <span className={value ? "whitespace-pre-wrap" : "text-muted"}>
            {value || `${placeholder} ${label.toLowerCase()}`}
          </span>
          <Pencil
            aria-hidden
            size={14}
            className="shrink-0 text-muted opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
          />
        </button>
      )}
    </div>
  );
}
