// Plain values shared by the server and the contact page (client components may import them).

/** Largest client file accepted (upload or generated), in bytes. */
export const MAX_CLIENT_FILE_BYTES = 20 * 1024 * 1024;

/** The types a client file may have, as sniffed from its first bytes. No SVG, no HTML. */
export const clientFileMimes = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/heic",
] as const;
export type ClientFileMime = (typeof clientFileMimes)[number];

export const clientFileSources = ["upload", "consent"] as const;
export type ClientFileSource = (typeof clientFileSources)[number];

/** The extension a downloaded file gets for its sniffed type. */
export const extensionOf: Record<ClientFileMime, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/heic": "heic",
};
