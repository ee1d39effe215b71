import type { ClientFileMime } from "./constants";

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((v, i) => b[i] === v);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG = [0xff, 0xd8, 0xff] as const;
// HEIF brands of still images Apple and Android cameras write ("mif1"/"msf1" are the
// generic HEIF brands). AVIF ("avif") is deliberately absent: not on the allow-list.
const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

/**
 * The file's type from its magic bytes alone (only a fixed prefix is read, so the cost does
 * not grow with the file), or null when it is none of the allowed types. The uploader's
 * Content-Type and file name are never consulted: a `.pdf` that is really HTML or SVG is
 * text and matches nothing here.
 */
export function sniffFileType(bytes: Uint8Array): ClientFileMime | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return "image/webp";
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(bytes, 8, 12)))
    return "image/heic";
  return null;
}
