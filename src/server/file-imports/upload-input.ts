import { AppError } from "../errors";
import { readUpload } from "./read-upload";
import { columnMappingSchema, type ColumnMapping } from "./map-columns";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Import file as text: UTF-8, falling back to Windows-1252 (older Excel/Outlook exports). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Reads the multipart import request: `file`, optional `mapping` (JSON) and `confirm`. */
export async function readImportUpload(
  req: Request,
): Promise<{ text: string; filename: string; mapping?: ColumnMapping; confirm: boolean }> {
  const up = await readUpload(req, { maxBytes: MAX_IMPORT_BYTES });
  let mapping: ColumnMapping | undefined;
  if (up.fields.mapping) {
    let raw: unknown;
    try {
      raw = JSON.parse(up.fields.mapping);
    } catch {
      raw = null;
    }
    const parsed = columnMappingSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError("invalid_body", "invalid mapping", {
        fields: { mapping: ["expected {header: field}"] },
      });
    mapping = parsed.data;
  }
  return {
    text: decodeText(up.bytes),
    filename: up.filename,
    mapping,
    confirm: ["true", "1", "yes"].includes((up.fields.confirm ?? "").toLowerCase()),
  };
}
