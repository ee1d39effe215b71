import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { MULTIPART_OVERHEAD_BYTES } from "../limit-body";
import { clientFileSchema } from "../../files/client-file-view";
import { MAX_CLIENT_FILE_BYTES } from "../../files/constants";

const tags = ["files"];

export const listClientFilesContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/files",
  params: idParams,
  summary: "The contact's files (uploads and signed consent PDFs), newest first",
  tags,
  auth: "user",
  response: z.object({ items: z.array(clientFileSchema) }),
  errors: ["not_found"],
});

export const uploadClientFileContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/{id}/files",
  params: idParams,
  summary:
    "Upload a file for the contact (multipart field `file`; PDF, PNG, JPEG, WebP or HEIC ≤ 20 MB, type read from the content; SVG and HTML are refused)",
  tags,
  auth: "user",
  multipart: {
    file: {
      type: "file",
      description: "PDF, PNG, JPEG, WebP or HEIC, at most 20 MB",
      required: true,
    },
  },
  response: clientFileSchema,
  errors: ["not_found", "payload_too_large", "unsupported_media_type", "invalid_body"],
  // Enforced while the body streams in, before the session is even looked up.
  maxBodyBytes: MAX_CLIENT_FILE_BYTES + MULTIPART_OVERHEAD_BYTES,
});

export const downloadClientFileContract = defineContract({
  method: "GET",
  path: "/api/v1/files/{id}",
  params: idParams,
  summary:
    "Download a file (owner only; always `Content-Disposition: attachment` with `X-Content-Type-Options: nosniff`)",
  tags,
  auth: "user",
  responseType: "application/octet-stream",
  errors: ["not_found"],
});

export const deleteClientFileContract = defineContract({
  method: "DELETE",
  path: "/api/v1/files/{id}",
  params: idParams,
  summary: "Delete a file and its stored bytes",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});
