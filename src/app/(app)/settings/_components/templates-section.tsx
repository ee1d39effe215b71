"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { outboxErrorMessage, type Template } from "@/components/outbox/types";

const FIELDS = ["firstName", "lastName", "fullName", "lastSessionDate", "bookingLink", "practitionerName"];
type Draft = { id?: string; name: string; subject: string; body: string };

/** Email templates with {{merge fields}}: list, edit, add, delete. */
export function TemplatesSection() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["templates"],
    queryFn: () => api.get<{ items: Template[] }>("/api/v1/templates"),
  });
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["templates"] });
  const save = useMutation({
    mutationFn: (d: Draft) =>
      d.id
        ? api.patch<Template>(`/api/v1/templates/${d.id}`, { name: d.name, subject: d.subject, body: d.body })
        : api.post<Template>("/api/v1/templates", { name: d.name, subject: d.subject, body: d.body }),
    onSuccess: () => {
      refresh();
      setEditing(null);
      toast({ title: "Template saved", tone: "success" });
    },
    onError: (e) => setError(outboxErrorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/templates/${id}`),
    onSuccess: () => {
      refresh();
      toast({ title: "Template deleted" });
    },
    onError: (e) => toast({ title: "Couldn't delete", description: outboxErrorMessage(e), tone: "error" }),
  });
  const open = (d: Draft) => {
    setError(null);
    setEditing(d);
  };
  return (
    <Card aria-labelledby="templates-title">
      <CardTitle
        action={
          <Button size="sm" onClick={() => open({ name: "", subject: "", body: "" })}>
            <Plus aria-hidden size={14} /> New template
          </Button>
        }
      >
        <span id="templates-title">Email templates</span>
      </CardTitle>
      {q.isPending ? (
        <Skeleton className="h-32" />
      ) : q.isError ? (
        <ErrorState
          message={outboxErrorMessage(q.error, "your templates")}
          onRetry={() => void q.refetch()}
        />
      ) : !q.data.items.length ? (
        <EmptyState title="No templates">Add one to start emails faster.</EmptyState>
      ) : (
        <ul className="divide-y divide-border">
          {q.data.items.map((t) => (
            <li key={t.id} className="flex items-center gap-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="font-medium">{t.name}</p>
                <p className="truncate text-sm text-muted">{t.subject}</p>
              </div>
              <Button size="sm" variant="ghost" onClick={() => open(t)}>
                Edit
              </Button>
              <Button size="sm" variant="ghost" onClick={() => remove.mutate(t.id)}>
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={!!editing}
        onOpenChange={(o) => !o && setEditing(null)}
        title={editing?.id ? "Edit template" : "New template"}
        description={`Merge fields: ${FIELDS.map((f) => `{{${f}}}`).join(" ")}. A preview per person appears when you use it in an email.`}
      >
        {editing ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(editing);
            }}
          >
            <div>
              <Label htmlFor="tp-name">Name</Label>
              <Input
                id="tp-name"
                value={editing.name}
                onChange={(e) => setEditing({ ...editing, name: e.target.value })}
              />
            </div>
            <div>
              <Label htmlFor="tp-subject">Subject</Label>
              <Input
                id="tp-subject"
                value={editing.subject}
                onChange={(e) => setEditing({ ...editing, subject: e.target.value })}
              />
            </div>
            <div>
              <Label htmlFor="tp-body">Message (Markdown)</Label>
              <Textarea
                id="tp-body"
                rows={8}
                value={editing.body}
                onChange={(e) => setEditing({ ...editing, body: e.target.value })}
              />
            </div>
            <FieldError message={error ?? undefined} />
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" loading={save.isPending}>
                Save template
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </Card>
  );
}
