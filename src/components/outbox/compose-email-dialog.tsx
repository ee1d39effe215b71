"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Paperclip, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import {
  outboxErrorMessage,
  type EmailSettings,
  type OutboxItem,
  type Template,
  type TemplatePreview,
} from "./types";

const MAX_BYTES = 10 * 1024 * 1024;
type Attachment = { filename: string; contentType: string; contentBase64: string; size: number };

export type ReplyTarget = { interactionId: string; subject: string | null };

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error ?? new Error("read failed"));
    r.readAsDataURL(file);
  });
}

/**
 * Write (or reply to) an email; it goes to the Outbox as a draft until approved. Mount it
 * when composing starts (its fields start fresh each time).
 */
export function ComposeEmailDialog({
  contact,
  replyTo,
  open,
  onOpenChange,
}: {
  contact: { id: string; displayName: string; emails: { value: string; isPrimary: boolean }[] };
  replyTo?: ReplyTarget | null;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const qc = useQueryClient();
  const emails = contact.emails.map((e) => e.value);
  const primary = contact.emails.find((e) => e.isPrimary)?.value ?? emails[0] ?? "";
  const [to, setTo] = useState(primary);
  const [cc, setCc] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [subject, setSubject] = useState(() =>
    replyTo?.subject ? (/^re:/i.test(replyTo.subject) ? replyTo.subject : `Re: ${replyTo.subject}`) : "",
  );
  const [body, setBody] = useState("");
  const [sendAt, setSendAt] = useState("");
  const [files, setFiles] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const settings = useQuery({
    queryKey: ["email-settings"],
    queryFn: () => api.get<EmailSettings>("/api/v1/settings/email"),
    enabled: open,
  });
  const templates = useQuery({
    queryKey: ["templates"],
    queryFn: () => api.get<{ items: Template[] }>("/api/v1/templates"),
    enabled: open && !replyTo,
  });

  const applyTemplate = async (id: string) => {
    if (!id) return;
    try {
      const t = await api.get<TemplatePreview>(`/api/v1/templates/${id}?contactId=${contact.id}`);
      setSubject(t.preview?.subject ?? t.subject);
      setBody(t.preview?.body ?? t.body);
      const missing = t.preview?.missingFields ?? [];
      setNote(
        missing.length
          ? `Not filled in for ${contact.displayName}: ${missing.join(", ")}. Edit the text before sending.`
          : null,
      );
    } catch (e) {
      setError(outboxErrorMessage(e, "that template"));
    }
  };

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    const next = [...files];
    for (const f of Array.from(list)) {
      if (next.reduce((n, a) => n + a.size, 0) + f.size > MAX_BYTES) {
        setError("Attachments can be at most 10 MB in total.");
        break;
      }
      next.push({
        filename: f.name,
        // The bare type/subtype (a browser may add parameters); the API accepts only that.
        contentType: f.type.split(";")[0]!.trim() || "application/octet-stream",
        contentBase64: await toBase64(f),
        size: f.size,
      });
    }
    setFiles(next);
  };

  const save = useMutation({
    mutationFn: () =>
      api.post<OutboxItem>("/api/v1/outbox", {
        contactId: contact.id,
        to,
        ...(cc.length ? { cc } : {}),
        ...(from ? { from } : {}),
        subject,
        body,
        ...(replyTo ? { replyToInteractionId: replyTo.interactionId } : {}),
        ...(sendAt ? { sendAt } : {}),
        ...(files.length ? { attachments: files.map(({ size: _s, ...a }) => a) } : {}),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["outbox"] });
      onOpenChange(false);
      toast({
        title: "Saved to your Outbox",
        description: "Nothing is sent until you approve it there.",
        tone: "success",
      });
    },
    onError: (e) => setError(outboxErrorMessage(e)),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!subject.trim() && !replyTo) return setError("Add a subject.");
    if (!body.trim()) return setError("Write a message.");
    save.mutate();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={replyTo ? `Reply to ${contact.displayName}` : `Email ${contact.displayName}`}
      description="Saved to your Outbox as a draft; you approve it before it leaves."
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        {!emails.length ? (
          <p role="alert" className="text-sm text-danger">
            {contact.displayName} has no email address yet. Add one in Details first.
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <Label htmlFor="ce-to">To</Label>
            <Select id="ce-to" value={to} onChange={(e) => setTo(e.target.value)}>
              {emails.map((e) => (
                <option key={e}>{e}</option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="ce-from">From</Label>
            <Select id="ce-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="">{settings.data?.sendAs[0] ?? "Your Gmail address"}</option>
              {(settings.data?.sendAs ?? []).slice(1).map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </div>
        </div>
        {emails.length > 1 ? (
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Cc</legend>
            <div className="flex flex-wrap gap-3 text-sm">
              {emails
                .filter((e) => e !== to)
                .map((e) => (
                  <label key={e} className="inline-flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={cc.includes(e)}
                      onChange={(ev) => setCc(ev.target.checked ? [...cc, e] : cc.filter((x) => x !== e))}
                    />
                    {e}
                  </label>
                ))}
            </div>
          </fieldset>
        ) : null}
        {!replyTo && templates.data?.items.length ? (
          <div>
            <Label htmlFor="ce-template">Start from a template</Label>
            <Select id="ce-template" defaultValue="" onChange={(e) => void applyTemplate(e.target.value)}>
              <option value="">None</option>
              {templates.data.items.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div>
          <Label htmlFor="ce-subject">Subject</Label>
          <Input
            id="ce-subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            maxLength={998}
          />
        </div>
        <div>
          <Label htmlFor="ce-body">Message (Markdown)</Label>
          <Textarea id="ce-body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
          {note ? <p className="mt-1 text-sm text-accent">{note}</p> : null}
          <p className="mt-1 text-xs text-muted">
            Your signature is added when it is sent.{" "}
            <Link href="/settings#email" className="underline">
              Change it
            </Link>
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <Label htmlFor="ce-send-at">Send later (optional, your time)</Label>
            <Input
              id="ce-send-at"
              type="datetime-local"
              value={sendAt}
              onChange={(e) => setSendAt(e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor="ce-files">Attachments (up to 10 MB)</Label>
            <label className="flex h-10 cursor-pointer items-center gap-2 rounded-lg border border-border px-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary">
              <Paperclip aria-hidden size={16} /> Add files
              <input
                id="ce-files"
                type="file"
                multiple
                className="sr-only"
                onChange={(e) => void addFiles(e.target.files)}
              />
            </label>
          </div>
        </div>
        {files.length ? (
          <ul className="flex flex-wrap gap-2 text-sm">
            {files.map((f, i) => (
              <li
                key={`${f.filename}-${i}`}
                className="inline-flex items-center gap-1 rounded-full bg-bg px-3 py-1"
              >
                {f.filename}
                <button
                  type="button"
                  aria-label={`Remove ${f.filename}`}
                  onClick={() => setFiles(files.filter((_, j) => j !== i))}
                >
                  <X aria-hidden size={14} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <FieldError message={error ?? undefined} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!emails.length}>
            Save to Outbox
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
