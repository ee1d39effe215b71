import { api } from "@/lib/api-client";

// The import endpoints as the UI expects them (src/server/imports/contracts.ts was not written
// yet when this was built; adjust here only if the backend names differ). The file travels as
// text in JSON so it goes through api-client (CSRF + envelope) like every other call.

export type ImportField =
  | "displayName"
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "stage"
  | "tags"
  | "birthday"
  | "address"
  | "referralSource"
  | "notes";

export type ImportPreview = {
  id: string;
  format: string;
  columns: string[];
  /** source column → our field (null = ignore) */
  mapping: Record<string, ImportField | null>;
  sample: { line: number; values: Record<string, string> }[];
  validCount: number;
  badRows: { line: number; reason: string }[];
};

export type ImportResult = { batchId: string; imported: number; skipped: number };

export const fieldLabels: Record<ImportField, string> = {
  displayName: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  stage: "Stage",
  tags: "Tags",
  birthday: "Birthday",
  address: "Address",
  referralSource: "Referral source",
  notes: "Note",
};

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function previewImport(filename: string, content: string, mapping?: ImportPreview["mapping"]) {
  return api.post<ImportPreview>("/api/v1/imports/preview", { filename, content, mapping });
}

export function commitImport(id: string, mapping: ImportPreview["mapping"], acceptBadRows: boolean) {
  return api.post<ImportResult>(`/api/v1/imports/${id}/commit`, { mapping, acceptBadRows });
}

export function undoImport(batchId: string) {
  return api.post<{ removed: number }>(`/api/v1/imports/batches/${batchId}/undo`);
}
