import { ApiError, api } from "@/lib/api-client";
import type { ImportPreview } from "@/server/imports/preview-import";
import type { CommitImportResult } from "@/server/imports/commit-import";
import type { ColumnMapping, ImportField } from "@/server/imports/map-columns";

export type { ImportPreview, CommitImportResult, ColumnMapping, ImportField };

// Imports are multipart uploads (src/server/imports/contracts.ts). api-client only sends JSON,
// so this sends the form itself with the same CSRF header and envelope handling.
// TODO(accounts): an `api.upload(path, FormData)` in api-client would replace this.

function csrfToken(): string {
  const m = /(?:^|;\s*)csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : "";
}

async function upload<T>(path: string, form: FormData, retried = false): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    body: form,
    headers: { accept: "application/json", "x-csrf-token": csrfToken() },
    credentials: "same-origin",
  });
  const env = (await res.json().catch(() => null)) as
    { ok: true; data: T } | { ok: false; error: string; details?: ApiError["details"] } | null;
  if (env?.ok) return env.data;
  const code = env && !env.ok ? env.error : `http_${res.status}`;
  if (code === "missing_csrf" && !retried) return upload<T>(path, form, true);
  throw new ApiError(res.status, code, env && !env.ok ? env.details : undefined);
}

function form(file: File, mapping?: ColumnMapping, confirm?: boolean): FormData {
  const f = new FormData();
  f.set("file", file);
  if (mapping) f.set("mapping", JSON.stringify(mapping));
  if (confirm) f.set("confirm", "true");
  return f;
}

export const fieldLabels: Record<ImportField, string> = {
  displayName: "Full name",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  stage: "Stage",
  tags: "Tags",
  birthday: "Birthday",
  address: "Address",
  referralSource: "Referral source",
  communicationPreference: "Communication preference",
  preferredSessionTimes: "Preferred session times",
  notes: "Note",
  ignore: "Don't import",
};

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const previewImport = (file: File, mapping?: ColumnMapping) =>
  upload<ImportPreview>("/api/v1/imports/preview", form(file, mapping));

export const commitImport = (file: File, mapping: ColumnMapping, confirm: boolean) =>
  upload<CommitImportResult>("/api/v1/imports", form(file, mapping, confirm));

export const undoImport = (batchId: string) =>
  api.post<{ batchId: string; removed: number }>(`/api/v1/imports/${batchId}/undo`);
