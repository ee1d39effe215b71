"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { FIELD_TARGETS, type FieldTarget } from "@/server/forms/constants";
import type { FormFieldInput } from "@/server/forms/schemas";

export const TYPE_LABEL: Record<FormFieldInput["type"], string> = {
  short_text: "Short text",
  long_text: "Long text",
  email: "Email",
  phone: "Phone",
  date: "Date",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  checkbox: "Checkbox",
  scale: "Scale",
  heading: "Section heading",
  health: "Health history",
  consent: "Consent and signature",
};

const TARGET_TEXT: Record<FieldTarget, string> = {
  "contact.name": "Contact name",
  "contact.email": "Contact email",
  "contact.phone": "Contact phone",
  "contact.birthday": "Contact birthday",
  "contact.address": "Contact address",
  "contact.referralSource": "Referral source",
  "health.conditions": "Health: conditions",
  "health.allergies": "Health: allergies",
  "health.medications": "Health: medications",
  "health.notes": "Health: notes",
  health: "Health context",
  note: "A note",
  none: "Nowhere",
};

type Props = {
  field: FormFieldInput;
  index: number;
  count: number;
  onChange: (f: FormFieldInput) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
};

/** One field in the builder. Alt+↑/↓ inside it moves it; every control is a plain labelled input. */
export function FieldEditor({ field: f, index, count, onChange, onMove, onRemove }: Props) {
  const id = `fld-${f.id}`;
  const set = (patch: Partial<FormFieldInput>) => onChange({ ...f, ...patch } as FormFieldInput);
  return (
    <li
      aria-label={`${TYPE_LABEL[f.type]}: ${f.label}`}
      className="rounded-[12px] border border-border bg-surface p-4"
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
        e.preventDefault();
        onMove(e.key === "ArrowUp" ? -1 : 1);
      }}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-muted">
          {index + 1}. {TYPE_LABEL[f.type]}
        </span>
        <div className="flex gap-1">
          <Button
            size="icon"
            variant="ghost"
            aria-label="Move up"
            aria-keyshortcuts="Alt+ArrowUp"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUp size={16} aria-hidden />
          </Button>
          <Button
            size="icon"
            variant="ghost"
            aria-label="Move down"
            aria-keyshortcuts="Alt+ArrowDown"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDown size={16} aria-hidden />
          </Button>
          <Button size="icon" variant="ghost" aria-label="Remove field" onClick={onRemove}>
            <Trash2 size={16} aria-hidden />
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Label htmlFor={`${id}-label`}>{f.type === "heading" ? "Heading" : "Question"}</Label>
          <Input
            id={`${id}-label`}
            value={f.label}
            maxLength={300}
            onChange={(e) => set({ label: e.target.value })}
          />
        </div>
        {f.type === "consent" ? (
          <div className="sm:col-span-2">
            <Label htmlFor={`${id}-text`}>Consent text</Label>
            <Textarea
              id={`${id}-text`}
              value={f.text}
              maxLength={20000}
              onChange={(e) => set({ text: e.target.value })}
            />
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={f.signature !== false}
                onChange={(e) => set({ signature: e.target.checked })}
              />
              Ask for a drawn signature
            </label>
          </div>
        ) : null}
        {f.type === "single_choice" || f.type === "multi_choice" ? (
          <div className="sm:col-span-2">
            <Label htmlFor={`${id}-opts`}>Options (one per line)</Label>
            <Textarea
              id={`${id}-opts`}
              value={f.options.join("\n")}
              onChange={(e) => set({ options: e.target.value.split("\n").slice(0, 30) })}
            />
          </div>
        ) : null}
        {f.type === "scale" ? (
          <>
            <div>
              <Label htmlFor={`${id}-min`}>From</Label>
              <Input
                id={`${id}-min`}
                type="number"
                min={0}
                max={9}
                value={f.min ?? 1}
                onChange={(e) => set({ min: Number(e.target.value) })}
              />
            </div>
            <div>
              <Label htmlFor={`${id}-max`}>To</Label>
              <Input
                id={`${id}-max`}
                type="number"
                min={1}
                max={10}
                value={f.max ?? 5}
                onChange={(e) => set({ max: Number(e.target.value) })}
              />
            </div>
          </>
        ) : null}
        {f.type !== "heading" ? (
          <div>
            <Label htmlFor={`${id}-target`}>Answer goes to</Label>
            <Select
              id={`${id}-target`}
              value={f.target ?? ""}
              onChange={(e) => set({ target: (e.target.value || undefined) as FieldTarget | undefined })}
            >
              <option value="">Default for this type</option>
              {FIELD_TARGETS.map((t) => (
                <option key={t} value={t}>
                  {TARGET_TEXT[t]}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        {f.type !== "heading" && f.type !== "consent" ? (
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={Boolean(f.required)}
              onChange={(e) => set({ required: e.target.checked })}
            />
            Required
          </label>
        ) : null}
      </div>
    </li>
  );
}
