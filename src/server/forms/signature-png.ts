import { AppError } from "../errors";

const PREFIX = "data:image/png;base64,";
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A drawn signature is a few KB; anything near this is not a signature. */
export const MAX_SIGNATURE_BYTES = 200_000;
const MAX_SIDE = 4000;

/**
 * Checks a signature data URL really is a small PNG: the exact prefix, strict base64, the
 * decoded size capped, the PNG signature and an IHDR chunk with sane dimensions. Returns the
 * bytes. Anything else is a 400, never a crash further down (pdf-lib embeds these bytes).
 */
export function decodeSignaturePng(dataUrl: string): Uint8Array {
  if (!dataUrl.startsWith(PREFIX)) throw bad("the signature must be a PNG data URL");
  const b64 = dataUrl.slice(PREFIX.length);
  if (b64.length > Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 4)
    throw bad("the signature image is too large");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0)
    throw bad("the signature is not valid base64");
  const bytes = new Uint8Array(Buffer.from(b64, "base64"));
  if (bytes.length < 33 || bytes.length > MAX_SIGNATURE_BYTES)
    throw bad("the signature image is too large or empty");
  if (!PNG_MAGIC.every((b, i) => bytes[i] === b)) throw bad("the signature is not a PNG image");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.slice(12, 16));
  const w = view.getUint32(16);
  const h = view.getUint32(20);
  if (chunk !== "IHDR" || w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE)
    throw bad("the signature is not a valid PNG image");
  return bytes;
}

function bad(message: string): AppError {
  return new AppError("invalid_body", message, { fields: { signature: [message] } });
}
