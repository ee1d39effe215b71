"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/empty-state";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import { FIELD_TYPES } from "@/server/forms/constants";
import { updateFormInput, type FormDto, type FormFieldInput } from "@/server/forms/schemas";
import { FieldEditor, TYPE_LABEL } from "./field-editor";
import { FormPreview } from "./form-preview";
import { ShareDialog } from "./share-dialog";

type Draft = { name: string; description: string; fields: FormFieldInput[] };

function newField(type: FormFieldInput["type"]): FormFieldInput {
  const id = `f_${Date.now().toString(36)}`;
  const label = TYPE_LABEL[type];
  if (type === "single_choice" || type === "multi_choice")
    return { id, type, label, options: ["Option 1", "Option 2"] };
  if (type === "consent") return { id, type, label: "Consent", text: "I agree to …", signature: true };
  if (type === "scale") return { id, type, label, min: 1, max: 5 };
  return { id, type, label } as FormFieldInput;
}

/** The form builder: edit, reorder (buttons or Alt+↑/↓), preview, save (Ctrl/⌘+S), share. */
export function FormBuilder({ id }: { id: string }) {
  const q = useQuery({ queryKey: ["forms", id], queryFn: () => api.get<FormDto>(`/api/v1/forms/${id}`) });
  if (q.isError)
    return (
      <ErrorState
        message="This form could not be loaded. It may have been deleted."
        onRetry={() => void q.refetch()}
      />
    );
  if (!q.data) return <Skeleton className="h-64" />;
  return <Builder form={q.data} />;
}

function Builder({ form }: { form: FormDto }) {
  const id = form.id;
  const qc = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    name: form.name,
    description: form.description ?? "",
    fields: form.fields,
  });
  const [version, setVersion] = useState(form.consentVersion);
  const [preview, setPreview] = useState(false);
  const [share, setShare] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [addType, setAddType] = useState<FormFieldInput["type"]>("short_text");

  const save = useMutation({
    mutationFn: (d: Draft) => {
      const body = { name: d.name, description: d.description || null, fields: d.fields };
      const check = updateFormInput.safeParse(body);
      if (!check.success)
        throw new Error(check.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      return api.patch<FormDto>(`/api/v1/forms/${id}`, body);
    },
    onSuccess: (f) => {
      setError(null);
      qc.setQueryData(["forms", id], f);
      setVersion(f.consentVersion);
      void qc.invalidateQueries({ queryKey: ["forms"] });
      toast({ title: "Form saved", tone: "success" });
    },
    onError: (e) =>
      setError(
        e instanceof ApiError
          ? "The form has a problem: check every question has a label and choices have options."
          : (e as Error).message,
      ),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/forms/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["forms"] });
      router.push("/forms");
    },
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        save.mutate(draft);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [draft, save]);

  const setFields = (fields: FormFieldInput[]) => setDraft({ ...draft, fields });
  const move = (i: number, dir: -1 | 1) => {
    const j = i + dir;
    if (j < 0 || j >= draft.fields.length) return;
    const next = [...draft.fields];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setFields(next);
    // Keep the keyboard user on the field they moved.
    requestAnimationFrame(() => document.getElementById(`fld-${next[j]!.id}-label`)?.focus());
  };

  return (
    <>
      <PageHeader
        title={draft.name || "Untitled form"}
        description={`Consent version ${version}. Changing the consent text starts a new version and reminds past signers.`}
        action={
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
              {preview ? "Edit" : "Preview"}
            </Button>
            <Button onClick={() => setShare(true)}>Share</Button>
            <Button
              variant="primary"
              aria-keyshortcuts="Control+S"
              loading={save.isPending}
              onClick={() => save.mutate(draft)}
            >
              Save
            </Button>
          </div>
        }
      />
      {error ? (
        <p
          role="alert"
          className="mb-4 rounded-lg border border-danger/40 bg-surface p-3 text-sm text-danger"
        >
          {error}
        </p>
      ) : null}
      {preview ? (
        <FormPreview name={draft.name} description={draft.description} fields={draft.fields} />
      ) : (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <Label htmlFor="form-name">Name</Label>
              <Input
                id="form-name"
                value={draft.name}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </div>
            <div>
              <Label htmlFor="form-desc">Description</Label>
              <Textarea
                id="form-desc"
                className="min-h-10"
                value={draft.description}
                maxLength={2000}
                onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              />
            </div>
          </div>
          <ol className="space-y-3" aria-label="Questions">
            {draft.fields.map((f, i) => (
              <FieldEditor
                key={f.id}
                field={f}
                index={i}
                count={draft.fields.length}
                onChange={(nf) => setFields(draft.fields.map((x, k) => (k === i ? nf : x)))}
                onMove={(d) => move(i, d)}
                onRemove={() => setFields(draft.fields.filter((_, k) => k !== i))}
              />
            ))}
          </ol>
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <Label htmlFor="add-type">Add a question</Label>
              <Select
                id="add-type"
                className="w-56"
                value={addType}
                onChange={(e) => setAddType(e.target.value as FormFieldInput["type"])}
              >
                {FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </Select>
            </div>
            <Button onClick={() => setFields([...draft.fields, newField(addType)])}>Add</Button>
            <Button
              variant="ghost"
              className="ml-auto text-danger"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Delete form
            </Button>
          </div>
        </div>
      )}
      <ShareDialog formId={id} open={share} onOpenChange={setShare} />
    </>
  );
}
