"use client";

import type { FormFieldInput } from "@/server/forms/schemas";

const input = "w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm";

/** What the client will see (inputs disabled): the same order, labels and choices as the public page. */
export function FormPreview({
  name,
  description,
  fields,
}: {
  name: string;
  description: string;
  fields: FormFieldInput[];
}) {
  return (
    <div aria-label="Preview" className="mx-auto max-w-md rounded-[12px] border border-border bg-bg p-5">
      <h2 className="text-xl font-semibold">{name}</h2>
      {description ? <p className="text-sm text-muted">{description}</p> : null}
      <fieldset disabled className="mt-4 space-y-4">
        {fields.map((f) => (
          <div key={f.id}>
            {f.type === "heading" ? (
              <h3 className="mt-4 font-semibold">{f.label}</h3>
            ) : f.type === "consent" ? (
              <div className="space-y-2">
                <h3 className="font-semibold">{f.label}</h3>
                <p className="whitespace-pre-wrap rounded-lg border border-border bg-surface p-3 text-sm">
                  {f.text}
                </p>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" /> I have read and agree
                </label>
                {f.signature !== false ? (
                  <div
                    className="h-20 rounded-lg border border-dashed border-muted bg-surface"
                    aria-label="Signature pad"
                  />
                ) : null}
              </div>
            ) : (
              <>
                <p className="mb-1 text-sm font-medium">
                  {f.label}
                  {f.required ? <span className="text-danger"> *</span> : null}
                </p>
                {f.type === "single_choice" || f.type === "multi_choice" ? (
                  f.options.map((o) => (
                    <label key={o} className="flex items-center gap-2 text-sm">
                      <input type={f.type === "single_choice" ? "radio" : "checkbox"} /> {o}
                    </label>
                  ))
                ) : f.type === "checkbox" ? (
                  <input type="checkbox" aria-label={f.label} />
                ) : f.type === "scale" ? (
                  <div className="flex flex-wrap gap-1">
                    {Array.from({ length: (f.max ?? 5) - (f.min ?? 1) + 1 }, (_, i) => (
                      <span
                        key={i}
                        className="inline-flex h-9 w-9 items-center justify-center rounded-lg border border-primary text-sm"
                      >
                        {(f.min ?? 1) + i}
                      </span>
                    ))}
                  </div>
                ) : f.type === "long_text" || f.type === "health" ? (
                  <textarea className={input} rows={f.type === "health" ? 4 : 2} aria-label={f.label} />
                ) : (
                  <input className={input} aria-label={f.label} />
                )}
              </>
            )}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
