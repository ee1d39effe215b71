import type { ClientFileMime } from "./constants";

/**
 * `attachment` with an ASCII fallback name and the RFC 5987 UTF-8 name, so the browser
 * always downloads (never renders) and keeps accents and non-Latin names intact.
 */
export function attachmentDisposition(fileName: string): string {
  let ascii = "";
  for (const ch of fileName) {
    const c = ch.codePointAt(0)!;
    ascii += c >= 0x20 && c < 0x7f && ch !== '"' && ch !== "\\" && ch !== "%" ? ch : "_";
  }
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * Headers of a client file download. The type is the sniffed one (never HTML or SVG);
 * `nosniff` stops the browser second-guessing it, and the sandboxing CSP neuters the
 * response even if it were ever opened in place.
 */
export function downloadHeaders(file: { fileName: string; mimeType: ClientFileMime; size: number }) {
  return {
    "content-type": file.mimeType,
    "content-length": String(file.size),
    "content-disposition": attachmentDisposition(file.fileName),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-store",
  };
}
