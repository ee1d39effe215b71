"use client";

import { Eye, EyeOff, Lock } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { healthContextSchema, type HealthContext } from "@/server/contacts/schemas";
import { EditableField } from "./editable-field";

const parts: [keyof HealthContext, string][] = [
  ["conditions", "Conditions"],
  ["allergies", "Allergies"],
  ["medications", "Medications"],
  ["notes", "Health notes"],
];

/** Private health context: hidden until revealed (so it isn't on screen by accident), edited field by field. */
export function HealthContextSection({
  value,
  onSave,
}: {
  value: HealthContext | null;
  onSave: (h: HealthContext) => Promise<unknown>;
}) {
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="health-h" className="mt-6 rounded-[12px] border border-border bg-surface p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="health-h" className="flex items-center gap-2 text-base font-semibold">
          <Lock aria-hidden size={16} className="text-primary" /> Private health context
        </h2>
        <Button
          size="sm"
          onClick={() => setShown(!shown)}
          aria-expanded={shown}
          aria-controls="health-fields"
        >
          {shown ? <EyeOff aria-hidden size={14} /> : <Eye aria-hidden size={14} />}{" "}
          {shown ? "Hide" : "Reveal"}
        </Button>
      </div>
      <p className="mt-1 text-sm text-muted">
        Encrypted at rest. Never sent to the AI assistant unless you allow it in Settings.
      </p>
      {shown ? (
        <div id="health-fields" className="mt-3">
          {parts.map(([k, label]) => (
            <EditableField
              key={k}
              label={label}
              value={value?.[k] ?? null}
              multiline
              schema={healthContextSchema.shape[k].nullable()}
              onSave={(v) => onSave({ ...(value ?? {}), [k]: v ?? undefined })}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
