import { z } from "zod";
import { defineContract, type Contract } from "../contract";
import { idParams } from "../params";
import { UPLOAD_MAX_BODY_BYTES } from "../limit-body";
import { importPreviewSchema } from "../../file-imports/preview-import";
import { commitImportResultSchema } from "../../file-imports/commit-import";
import { importBatchSchema } from "../../file-imports/undo-import";

const tags = ["imports"];
const multipart = "multipart/form-data: file (CSV or .vcf, ≤ 5 MB), mapping (JSON {header: field}, optional)";
const importForm = {
  file: { type: "file", description: "The CSV or vCard (.vcf) file, at most 5 MB", required: true },
  mapping: {
    type: "text",
    description: "Optional JSON object {column header: field}; without it columns are matched by name",
  },
} satisfies Contract["multipart"];

export const previewImportContract = defineContract({
  method: "POST",
  path: "/api/v1/imports/preview",
  summary: `Preview a contacts import without writing (${multipart})`,
  tags,
  auth: "user",
  multipart: importForm,
  response: importPreviewSchema,
  errors: ["invalid_body", "payload_too_large", "unsupported_media_type"],
  maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
});

export const commitImportContract = defineContract({
  method: "POST",
  path: "/api/v1/imports",
  summary: `Import contacts as one undoable batch (${multipart}, confirm=true to skip bad rows)`,
  tags,
  auth: "user",
  multipart: {
    ...importForm,
    confirm: { type: "text", description: '"true" to import the valid rows and skip the bad ones' },
  },
  response: commitImportResultSchema,
  errors: ["invalid_body", "unprocessable", "payload_too_large", "unsupported_media_type"],
  maxBodyBytes: UPLOAD_MAX_BODY_BYTES,
});

export const listImportsContract = defineContract({
  method: "GET",
  path: "/api/v1/imports",
  summary: "Past CSV/vCard imports, newest first",
  tags,
  auth: "user",
  response: z.object({ items: z.array(importBatchSchema) }),
});

export const undoImportContract = defineContract({
  method: "POST",
  path: "/api/v1/imports/{id}/undo",
  params: idParams,
  summary: "Undo an import: removes the contacts it created",
  tags,
  auth: "user",
  response: z.object({ batchId: z.uuid(), removed: z.number().int() }),
  errors: ["not_found"],
});
