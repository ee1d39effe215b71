import { api } from "@/lib/api-client";
import type { ImportPreview } from "@/server/file-imports/preview-import";
import type { CommitImportResult } from "@/server/file-imports/commit-import";
import type { ColumnMapping, ImportField } from "@/server/file-imports/map-columns";

export type { ImportPreview, CommitImportResult, ColumnMapping, ImportField };

const upload = <T>(path: string, f: FormData) => api.upload<T>("POST", path, f);

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
