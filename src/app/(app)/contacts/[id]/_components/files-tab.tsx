"use client";

import { Download, FileText, Image as ImageIcon, Trash2, Upload } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ClientFileDto } from "@/server/files/client-file-view";
import { MAX_CLIENT_FILE_BYTES } from "@/server/files/constants";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import { api, ApiError } from "@/lib/api-client";
import { qk } from "@/lib/query-keys";

const MB = MAX_CLIENT_FILE_BYTES / 1024 / 1024;
// What the picker offers; the server decides from the content anyway.
const ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,image/heic,.pdf,.png,.jpg,.jpeg,.webp,.heic";

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function uploadError(e: unknown): string {
  if (e instanceof ApiError && e.status === 413) return `That file is too large. The limit is ${MB} MB.`;
  if (e instanceof ApiError && e.status === 415)
    return "Only PDFs and photos (PNG, JPEG, WebP, HEIC) can be kept here.";
  return "The upload failed. Check your connection and try again.";
}

/** The contact's files: upload, list, download (always as a download) and delete. */
export function FilesTab({ contactId }: { contactId: string }) {
  const qc = useQueryClient();
  const key = qk.contacts.files(contactId);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: ClientFileDto[] }>(`/api/v1/contacts/${contactId}/files`),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return api.upload<ClientFileDto>("POST", `/api/v1/contacts/${contactId}/files`, form);
    },
    onSuccess: (f) => {
      setError(null);
      toast({ title: `${f.fileName} added`, tone: "success" });
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(uploadError(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/files/${id}`),
    onSuccess: () => {
      setConfirming(null);
      toast({ title: "File deleted" });
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: () => setError("The file could not be deleted. Try again."),
  });
  const pick = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CLIENT_FILE_BYTES)
      return setError(`That file is ${size(file.size)}. The limit is ${MB} MB.`);
    upload.mutate(file);
  };

  const picker = (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="sr-only"
        aria-label="Choose a file to upload"
        data-testid="client-file-input"
        onChange={(e) => {
          pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <Button onClick={() => input.current?.click()} loading={upload.isPending}>
        <Upload aria-hidden size={16} /> Upload file
      </Button>
    </>
  );

  return (
    <div className="space-y-4" data-testid="contact-files">
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {list.isPending ? (
        <Skeleton className="h-20" />
      ) : list.isError ? (
        <ErrorState message="Files could not be loaded." onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={FileText} title="No files yet" actions={picker}>
          Keep intake forms, signed consents and photos with this client (PDF or image, up to {MB} MB).
        </EmptyState>
      ) : (
        <>
          <div className="flex justify-end">{picker}</div>
          <ul className="divide-y divide-border rounded-[12px] border border-border bg-surface">
            {list.data.items.map((f) => (
              <li key={f.id} className="flex items-center gap-3 px-4 py-3 text-sm">
                {f.mimeType === "application/pdf" ? (
                  <FileText aria-hidden size={18} className="shrink-0 text-muted" />
                ) : (
                  <ImageIcon aria-hidden size={18} className="shrink-0 text-muted" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{f.fileName}</p>
                  <p className="text-muted tabular-nums">
                    {size(f.sizeBytes)} · {new Date(f.createdAt).toLocaleDateString()}
                    {f.source === "consent" ? " · signed consent" : ""}
                  </p>
                </div>
                {confirming === f.id ? (
                  <>
                    <Button
                      variant="danger"
                      size="sm"
                      loading={remove.isPending}
                      onClick={() => remove.mutate(f.id)}
                    >
                      Delete
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                      Keep
                    </Button>
                  </>
                ) : (
                  <>
                    <a
                      href={f.downloadUrl}
                      download={f.fileName}
                      className={buttonClass("ghost", "icon")}
                      aria-label={`Download ${f.fileName}`}
                    >
                      <Download aria-hidden size={16} />
                    </a>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Delete ${f.fileName}`}
                      onClick={() => setConfirming(f.id)}
                    >
                      <Trash2 aria-hidden size={16} />
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
