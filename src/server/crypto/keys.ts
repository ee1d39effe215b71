import { createHash, hkdfSync } from "node:crypto";

/**
 * Accepts a key as base64 (32 bytes), hex (64 chars) or any text of at least 32 bytes
 * (hashed to 32 bytes), so operators can paste what their secret manager gives them.
 */
export function parseMasterKey(input: string): Buffer {
  const s = input.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) {
    const b = Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === 32) return b;
  }
  if (Buffer.byteLength(s, "utf8") >= 32) return createHash("sha256").update(s, "utf8").digest();
  throw new Error("encryption key must be 32 bytes base64, 64 hex chars, or at least 32 bytes of text");
}

/** One derived key per purpose, so a key leaked from one use cannot decrypt another. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `omnicrm:${purpose}`, 32));
}
