"use client";

import { Plus, Star, Trash2 } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, Input } from "@/components/ui/input";
import { friendlyError } from "@/components/contacts/friendly-error";

type Item = { value: string; isPrimary: boolean };

/** Emails or phones: mark one primary, remove, add (validated with the API's schema). Saves the whole list. */
export function IdentitiesEditor({
  label,
  items,
  schema,
  onSave,
  inputType,
}: {
  label: string;
  items: Item[];
  schema: z.ZodType;
  onSave: (items: Item[]) => Promise<unknown>;
  inputType: "email" | "tel";
}) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const one = label.toLowerCase().replace(/s$/, "");

  const save = async (next: Item[]) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave(next);
      return true;
    } catch (e) {
      setError(friendlyError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const parsed = schema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? `Check the ${one}.`);
    if (await save([...items, { value: draft.trim(), isPrimary: items.length === 0 }])) setDraft("");
  };

  return (
    <div className="grid gap-1 border-b border-border py-3 sm:grid-cols-[200px_1fr] sm:gap-4">
      <span className="pt-2 text-sm font-medium text-muted">{label}</span>
      <div>
        <ul className="space-y-1">
          {items.map((it) => (
            <li key={it.value} className="flex items-center gap-2 rounded-lg px-3 py-1.5 hover:bg-bg">
              <span className="min-w-0 flex-1 truncate">{it.value}</span>
              {it.isPrimary ? (
                <span className="text-xs font-medium text-primary">Primary</span>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={busy}
                  aria-label={`Make ${it.value} primary`}
                  onClick={() => void save(items.map((x) => ({ ...x, isPrimary: x.value === it.value })))}
                >
                  <Star aria-hidden size={14} /> <span className="hidden sm:inline">Make primary</span>
                </Button>
              )}
              <Button
                size="icon"
                variant="ghost"
                disabled={busy}
                aria-label={`Remove ${it.value}`}
                className="h-8 w-8"
                onClick={() => {
                  const rest = items.filter((x) => x.value !== it.value);
                  if (it.isPrimary && rest[0]) rest[0] = { ...rest[0], isPrimary: true };
                  void save(rest);
                }}
              >
                <Trash2 aria-hidden size={14} />
              </Button>
            </li>
          ))}
        </ul>
        <div className="mt-1 flex gap-2">
          <label className="sr-only" htmlFor={`add-${one}`}>
            Add {one}
          </label>
          <Input
            id={`add-${one}`}
            type={inputType}
            value={draft}
            placeholder={`Add ${one}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void add();
            }}
          />
          <Button
            onClick={() => void add()}
            disabled={!draft.trim()}
            loading={busy}
            aria-label={`Add ${one}`}
          >
            <Plus aria-hidden size={16} />
          </Button>
        </div>
        <FieldError message={error} />
      </div>
    </div>
  );
}
