import { AppError } from "../errors";

export type Upload = { filename: string; contentType: string; bytes: Buffer; fields: Record<string, string> };

/**
 * Reads a multipart/form-data upload with a hard byte limit enforced on the bytes actually
 * read (413 past it), returning the file in `fileField` and the other text fields.
 */
export async function readUpload(
  req: Request,
  opts: { maxBytes: number; fileField?: string },
): Promise<Upload> {
  const ct = req.headers.get("content-type") ?? "";
  if (!ct.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("unsupported_media_type", "expected multipart/form-data");
  const limit = opts.maxBytes + 64 * 1024; // multipart framing and text fields
  if (Number(req.headers.get("content-length") ?? "0") > limit)
    throw new AppError("payload_too_large", undefined, { maxBytes: opts.maxBytes });
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new AppError("payload_too_large", undefined, { maxBytes: opts.maxBytes });
      }
      chunks.push(value);
    }
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": ct } }).formData();
  } catch {
    throw new AppError("invalid_body", "malformed multipart body", {
      fields: { file: ["malformed upload"] },
    });
  }
  const field = opts.fileField ?? "file";
  const file = form.get(field);
  if (!file || typeof file === "string")
    throw new AppError("invalid_body", "file missing", { fields: { [field]: ["required"] } });
  if (file.size > opts.maxBytes)
    throw new AppError("payload_too_large", undefined, { maxBytes: opts.maxBytes });
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  return {
    filename: file.name,
    contentType: file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
    fields,
  };
}
